import Foundation
import Testing

/// The repository's root, from this file's place in it.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// Named baselines: `run --save-baseline NAME` keeps a run, `compare --baseline NAME RUN.csv`
/// exits 0 (no change), 2 (a regression) or 4 (improvements only).
@Suite(.serialized) struct BaselineCLITests {
    /// A copy of `source` with every time multiplied by `factor` (scripts/scaled-copy.py).
    static func scaledCopy(_ source: String, _ factor: Double, to target: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root + "/scripts/scaled-copy.py", source, String(factor), target]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// A folder with the fixture machine-a.csv kept as the baseline "a".
    static func baselineFolder() throws -> String {
        let folder = CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/baselines", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/Tests/ThreadBenchCoreTests/Fixtures/machine-a.csv",
                                         toPath: folder + "/baselines/a.csv")
        return folder
    }

    @Test(arguments: [(1.0, Int32(0)), (1.5, Int32(2)), (0.6, Int32(4))])
    func exitStatusSaysWhatChanged(factor: Double, status: Int32) throws {
        let folder = try Self.baselineFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = folder + "/run.csv"
        try Self.scaledCopy(root + "/Tests/ThreadBenchCoreTests/Fixtures/machine-a.csv", factor, to: run)
        let result = try CLI.run(["compare", "--baseline", "a", "--baselines", folder + "/baselines", run])
        #expect(result.status == status, "\(result.stdout)\n\(result.stderr)")
        if status == 2 { #expect(result.stderr.contains("regression:")) }
        if status == 4 { #expect(result.stderr.contains("improvement:") && !result.stderr.contains("regression:")) }
    }

    @Test func anUnknownBaselineIsOneLineAndExit64() throws {
        let folder = try Self.baselineFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["compare", "--baseline", "nope", "--baselines", folder + "/baselines",
                                  root + "/Tests/ThreadBenchCoreTests/Fixtures/machine-a.csv"])
        #expect(result.status == 64)
        #expect(CLI.errorLines(result).count == 1 && result.stderr.contains("no baseline named 'nope'"), "\(result.stderr)")
        #expect(result.stderr.contains("known: a"))
    }

    @Test func aRunKeepsItselfAsABaselineAndABadNameIsRefusedFirst() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,2", "--repetitions", "2", "--out", folder,
                               "--save-baseline", "../x"])
        #expect(bad.status == 64 && CLI.errorLines(bad).count == 1, "\(bad.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,2", "--repetitions", "2", "--warmup", "0",
                                  "--tasks", "4", "--sleep-ms", "5", "--runtimes", "swift", "--out", folder,
                                  "--save-baseline", "nightly"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/baselines/nightly.csv"))
        let raw = try #require(CLI.rawCSVName(in: folder))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/baselines/nightly.csv"))
                == Data(contentsOf: URL(fileURLWithPath: folder + "/" + raw)))
    }
}
