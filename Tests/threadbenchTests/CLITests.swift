import Foundation
import Testing
import ThreadBenchMeasurement

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
        #expect(result.stdout.contains("best thread count") && !result.stdout.contains("baseline"),
                "the answer and the compact view; the tables only with --details")
        #expect(result.stdout.hasPrefix("sleep: threads help"), "the answer first")
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

    @Test func detailsAddTheTablesTheModelsAndEveryWarning() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,4", "--repetitions", "3", "--warmup", "0",
                                  "--tasks", "8", "--sleep-ms", "5", "--runtimes", "swift", "--out", folder, "--details"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("baseline") && result.stdout.contains("sleep under swift"))
        #expect(!result.stdout.contains("--details, or the summary"))
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
