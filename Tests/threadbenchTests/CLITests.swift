import Foundation
import Testing
import ThreadBenchMeasurement

/// Runs the built `threadbench` binary and captures what it did.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// The binary built beside this test bundle.
    static var binary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var folder = bundle
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("threadbench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("threadbench").path
    }

    /// Runs `threadbench` with `arguments`, through `sh -c` when a shell prefix is given.
    static func run(_ arguments: [String], shellPrefix: String? = nil) throws -> Result {
        let process = Process()
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.arguments = ["-c", "\(shellPrefix); exec \(quoted.joined(separator: " "))"]
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh empty folder, removed by the caller.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "tb-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Error lines only, without the debug-build warning.
    static func errorLines(_ result: Result) -> [Substring] {
        result.stderrLines.filter { !$0.contains("debug build") }
    }

    /// The name of a run's raw CSV in `folder`, among its summary, model, chart and any
    /// hidden temporary file; nil when there is none (yet).
    static func rawCSVName(in folder: String) -> String? {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).first {
            $0.hasSuffix(".csv") && !$0.hasPrefix(".") && !$0.hasSuffix("-summary.csv") && !$0.hasSuffix("-model.csv")
        }
    }
}

@Suite(.serialized) struct CLITests {
    static let badInputs: [[String]] = [
        ["run", "--threads", "0"],
        ["run", "--threads", "-1"],
        ["run", "--threads", "abc"],
        ["run", "--threads", "4...2"],
        ["run", "--threads", "1,,2"],
        ["run", "--threads", "1000000"],
        ["run", "--repetitions", "0"],
        ["run", "--repetitions", "-3"],
        ["run", "--repetitions", "x"],
        ["run", "--tasks", "0"],
        ["run", "--tasks", "-5"],
        ["run", "--tasks", "2", "--threads", "1,4"],
        ["run", "--warmup", "-1"],
        ["run", "--workloads", "nope"],
        ["run", "--runtimes", "jython"],
        ["run", "--scaling", "sideways"],
        ["run", "--switch-interval", "0"],
        ["run", "--timeout", "-1"],
        ["run", "--label", " "],
        ["bogus"],
    ]

    @Test(arguments: badInputs)
    func badInputGetsOneLineAndNoFile(_ arguments: [String]) throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(arguments + ["--out", folder])
        #expect(result.status == 64, "\(arguments): status \(result.status)")
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(arguments): \(result.stderr)")
        #expect(lines.first?.hasPrefix("threadbench: error: ") == true)
        #expect(!result.stderr.contains("Usage"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func unwritableOutFolderFailsCleanly() throws {
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1", "--quick", "--out", "/proc/tb-x"])
        #expect(result.status == 1)
        #expect(CLI.errorLines(result).count == 1)
        #expect(result.stderr.contains("/proc/tb-x"))
    }

    @Test func threadCreationFailureIsAnErrorNotACrash() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Thread stacks need address space: 1.5 GiB cannot hold 3000 of them.
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,3000", "--quick", "--out", folder],
                                 shellPrefix: "ulimit -v 1500000")
        #expect(result.status == 1)
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cannot create thread"))
        #expect(result.stderr.contains("limit"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func shortRunWritesCompleteCSVsAndSaysWhereThreadsHelped() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 3 rounds: with 2, the t-interval's 12.7 standard errors can reach below 1.05 on a busy machine.
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,4", "--repetitions", "3",
                                  "--warmup", "0", "--tasks", "8", "--sleep-ms", "20", "--label", "e2e",
                                  "--runtimes", "swift,swift-gil", "--out", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 4)
        let raw = try #require(CLI.rawCSVName(in: folder))
        #expect(raw.hasPrefix("e2e-"))
        #expect(files.contains { $0.hasSuffix("-summary.csv") })
        #expect(files.contains { $0.hasSuffix("-model.csv") })
        #expect(files.contains { $0.hasSuffix("-chart.svg") })
        let text = try String(contentsOfFile: folder + "/" + raw, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + 2 * 2 * 3)
        #expect(lines[0].hasPrefix("schema_version,run_id,started_at,host_label"))
        #expect(lines.dropFirst().allSatisfy { $0.contains(",true,") })
        #expect(result.stdout.contains("sleep: threads help"))
        #expect(result.stdout.contains("baseline"))
    }

    @Test func runWithNoSuccessfulBatchWritesItsFilesThenExitsOneWithOneLine() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Every task sleeps past the batch timeout, so every batch fails.
        let result = try CLI.run(["run", "--workloads", "sleep", "--sleep-ms", "300", "--timeout", "0.05",
                                  "--threads", "1,2", "--tasks", "2", "--repetitions", "1", "--warmup", "0",
                                  "--runtimes", "swift", "--out", folder])
        #expect(result.status == 1, "\(result.stderr)")
        let errors = result.stderrLines.filter { $0.hasPrefix("threadbench: error: ") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains("no batch succeeded") == true, "\(result.stderr)")
        let raw = try #require(CLI.rawCSVName(in: folder))
        let lines = try String(contentsOfFile: folder + "/" + raw, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 2, "a header and both failed batches")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 4)
    }

    @Test func listNamesEveryWorkload() throws {
        let result = try CLI.run(["list"])
        #expect(result.status == 0)
        for name in ["math", "primes", "sleep"] { #expect(result.stdout.contains(name)) }
    }

    @Test func calibratePrintsBothMethodsAndTheRatio() throws {
        let result = try CLI.run(["calibrate", "--threads", "200"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("BenchThread"))
        #expect(result.stdout.contains("raw pthread"))
        #expect(result.stdout.contains("ratio"))
    }
}
