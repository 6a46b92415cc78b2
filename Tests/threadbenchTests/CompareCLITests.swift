import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The saved runs kept with the core's tests.
private func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ThreadBenchCoreTests/Fixtures/\(name)").path
}

@Suite(.serialized) struct CompareCLITests {
    @Test func comparesTwoMachinesAsATable() throws {
        let result = try CLI.run(["compare", fixture("machine-a.csv"), fixture("machine-b.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("machine-b against machine-a"))
        #expect(result.stdout.contains("slower"))
        #expect(result.stdout.contains("no significant difference"))
        #expect(result.stdout.contains("Speedup curves"))
        #expect(result.stdout.contains("AMD EPYC"))
    }

    @Test func writesCSVAndMarkdown() throws {
        let csv = try CLI.run(["compare", fixture("machine-a.csv"), fixture("machine-b.csv"), "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 13)  // header + 2 workloads x 2 runtimes x 3 thread counts
        #expect(lines[0].hasPrefix("baseline_label,baseline_file"))
        let markdown = try CLI.run(["compare", fixture("machine-a.csv"), fixture("machine-c.csv"),
                                    "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("| workload"))
        #expect(markdown.stdout.contains("smallest p-value"))
    }

    @Test func failOnRegressionExitsTwoOnlyBeyondTheThreshold() throws {
        let failing = try CLI.run(["compare", fixture("machine-e-10reps.csv"), fixture("machine-f-10reps.csv"),
                                   "--fail-on-regression", "60"])
        #expect(failing.status == 2)
        #expect(failing.stderr.contains("regression: math under swift at 2 threads"))
        #expect(failing.stderr.contains("Holm-adjusted p = 0.0015"), "\(failing.stderr)")
        // 71.7% slower with a raw p of 0.014, but a Holm-adjusted one of 0.070: not trusted.
        #expect(!failing.stderr.contains("swift-gil at 2 threads"))
        let passing = try CLI.run(["compare", fixture("machine-e-10reps.csv"), fixture("machine-f-10reps.csv"),
                                   "--fail-on-regression", "110"])
        #expect(passing.status == 0)
        // Five repetitions a side over 12 rows cannot pass Holm's first step: nothing is trusted.
        let few = try CLI.run(["compare", fixture("machine-a.csv"), fixture("machine-b.csv"),
                               "--fail-on-regression", "50"])
        #expect(few.status == 0)
        #expect(few.stdout.contains("too-few-repetitions"))
    }

    static let badFiles: [(String, String)] = [
        ("no-such-file.csv", "no such file"),
        ("empty.csv", "empty file"),
        ("notes.csv", "not a CSV file"),
        ("foreign.csv", "not a ThreadBench CSV"),
        ("missing-columns.csv", "missing 2 columns"),
        ("schema-v9.csv", "schema-v9.csv:4: schema_version '9'"),
        ("header-only.csv", "no data rows"),
        ("non-numeric.csv", "non-numeric.csv:7: column wall_s"),
        ("machine-a-summary.csv", "summary file"),
        ("machine-d-primes.csv", "no rows in common"),
    ]

    @Test(arguments: badFiles)
    func badFileGetsOneLine(_ name: String, _ expected: String) throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["compare", fixture("machine-a.csv"), fixture(name), "--chart", folder + "/c.svg"])
        #expect(result.status == 1, "\(name): \(result.status)")
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(name): \(result.stderr)")
        #expect(lines.first?.hasPrefix("threadbench: error: ") == true)
        #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test(arguments: [
        ["compare", "one.csv"],
        ["compare", "a.csv", "b.csv", "--alpha", "1.5"],
        ["compare", "a.csv", "b.csv", "--format", "xml"],
        ["compare", "a.csv", "b.csv", "--fail-on-regression", "-3"],
        ["report"],
    ])
    func badOptionsAreUsageErrors(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.status)")
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
    }

    @Test func compareDrawsBothMachinesOnOneChart() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chart = folder + "/both.svg"
        let result = try CLI.run(["compare", fixture("machine-a.csv"), fixture("machine-b.csv"), "--chart", chart])
        #expect(result.status == 0)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.components(separatedBy: "class=\"series\"").count - 1 == 8)
        #expect(svg.contains("swift @ machine-b"))
    }

    @Test func reportWritesAChartAndStatesTheModels() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chart = folder + "/a.svg"
        let result = try CLI.run(["report", fixture("machine-a.csv"), "--out", chart])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("math under swift-gil: serial fraction 1.00, ceiling 1.0x"))
        #expect(result.stdout.contains("sleep under swift: no sign of a ceiling up to 4 threads"))
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        // math and sleep under two runtimes, and math's cores busy under both.
        #expect(svg.components(separatedBy: "class=\"series\"").count - 1 == 6)
        #expect(svg.contains("math: cores busy (parallelism against 1 thread)"))
        #expect(svg.contains("1: one core at a time"))
    }

    @Test func reportOfABadFileWritesNothing() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["report", fixture("foreign.csv"), "--out", folder + "/x.svg"])
        #expect(result.status == 1)
        #expect(CLI.errorLines(result).count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
