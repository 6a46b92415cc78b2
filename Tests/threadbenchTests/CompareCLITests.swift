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
        #expect(result.stdout.contains("can't tell"))
        #expect(result.stdout.contains("Welch's t on log walls, false-coverage-rate intervals at q 0.05"))
        #expect(result.stdout.contains("math under swift: threads help less on machine-b: 0.99x against 1.97x at 2 threads"))
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
        #expect(markdown.stdout.contains("### Threading: machine-c against machine-a"))
    }

    @Test func failOnRegressionExitsTwoOnlyBeyondTheThreshold() throws {
        let failing = try CLI.run(["compare", fixture("machine-e-10reps.csv"), fixture("machine-f-10reps.csv"),
                                   "--fail-on-regression", "60"])
        #expect(failing.status == 2)
        #expect(failing.stderr.contains("regression: math under swift at 2 threads is 105.5% slower"), "\(failing.stderr)")
        #expect(!failing.stderr.contains("swift-gil at 2 threads"))  // 48% slower: under the 60% asked
        let passing = try CLI.run(["compare", fixture("machine-e-10reps.csv"), fixture("machine-f-10reps.csv"),
                                   "--fail-on-regression", "110"])
        #expect(passing.status == 0)
        // Five rounds a side over 12 rows: Welch calls the doubled math row slower.
        let few = try CLI.run(["compare", fixture("machine-a.csv"), fixture("machine-b.csv"),
                               "--fail-on-regression", "50"])
        #expect(few.status == 2)
        #expect(few.stderr.contains("math under swift at 2 threads is 100.2% slower"), "\(few.stderr)")
    }

    @Test func aCopyThirtyPercentSlowerFailsAndTheSameFilePasses() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let slower = try scaledCopy(of: "machine-e-10reps.csv", by: 1.3, in: folder)
        let failing = try CLI.run(["compare", fixture("machine-e-10reps.csv"), slower, "--fail-on-regression", "0"])
        #expect(failing.status == 2, "\(failing.stdout)")
        #expect(failing.stdout.contains("0 faster, 8 slower, 0 same, 0 can't tell"), "\(failing.stdout)")
        let same = try CLI.run(["compare", fixture("machine-e-10reps.csv"), fixture("machine-e-10reps.csv"),
                                "--fail-on-regression", "0"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("0 faster, 0 slower"))
    }

    /// A copy of a fixture with every time multiplied by `factor` (wall, work, process and thread
    /// CPU), so walls change and speedup and parallelism do not.
    private func scaledCopy(of name: String, by factor: Double, in folder: String) throws -> String {
        let lines = try String(contentsOfFile: fixture(name), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let scaled = Set(["wall_s", "work_s", "cpu_user_s", "cpu_sys_s", "thread_cpu_s"].compactMap(header.firstIndex))
        let rows = lines.dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, cell in
                scaled.contains(index) ? String(Double(cell).map { $0 * factor } ?? 0) : String(cell)
            }.joined(separator: ",")
        }
        let path = folder + "/scaled-" + name
        try ([String(lines[0])] + rows).joined(separator: "\n").appending("\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let badFiles: [(String, String)] = [
        ("no-such-file.csv", "no such file"),
        ("empty.csv", "empty file"),
        ("notes.csv", "not a CSV file"),
        ("foreign.csv", "not a ThreadBench CSV"),
        ("missing-columns.csv", "missing 2 columns"),
        ("schema-v9.csv", "schema-v9.csv:4: schema_version '9'"),
        ("non-numeric.csv", "non-numeric.csv:7: column wall_s"),
        ("machine-a-summary.csv", "summary file"),
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

    @Test(arguments: [("machine-d-primes.csv", "no rows in common"), ("header-only.csv", "no data rows")])
    func inputCompareCannotJudgeIsAUsageError(_ name: String, _ expected: String) throws {
        let result = try CLI.run(["compare", fixture("machine-a.csv"), fixture(name)])
        #expect(result.status == 64, "\(name): \(result.status)")
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aRunWithOneRoundPerRowIsAUsageError() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = try String(contentsOfFile: fixture("machine-a.csv"), encoding: .utf8).split(separator: "\n")
        let repetition = try #require(lines[0].split(separator: ",").firstIndex(of: "repetition"))
        let first = lines.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[repetition] == "1" }
        let path = folder + "/one-round.csv"
        try ([lines[0]] + first).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true,
                                                                                encoding: .utf8)
        let result = try CLI.run(["compare", fixture("machine-a.csv"), path])
        #expect(result.status == 64)
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("one-round.csv has no row with 2 or more successful rounds"), "\(result.stderr)")
    }

    @Test(arguments: [
        ["compare", "one.csv"],
        ["compare", "a.csv", "b.csv", "--test", "t"],
        ["compare", "a.csv", "b.csv", "--correction", "bh"],
        ["compare", "a.csv", "b.csv", "--threshold", "-0.1"],
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

/// `compare` of three runs or more: the runs side by side, the geometric means, where threads helped most.
@Suite struct CompareMatrixCLITests {
    static let files = ["machine-a.csv", "machine-b.csv", "machine-c.csv"].map(fixture)

    @Test func threeRunsLeadWithTheMatrixInTextAndMarkdown() throws {
        let text = try CLI.run(["compare"] + Self.files)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Runs side by side"))
        #expect(text.stdout.contains("machine-b: 1.081x the baseline's wall time (geometric mean over 12 rows)"))
        #expect(text.stdout.contains("math: machine-a 1.97x (swift, 2 threads)"))
        #expect(text.stdout.contains("machine-c: speedup / parallelism"))
        let markdown = try CLI.run(["compare", "--format", "markdown"] + Self.files)
        #expect(markdown.stdout.hasPrefix("## Runs side by side"))
        #expect(markdown.stdout.contains("| workload | runtime | threads | machine-a: speedup / parallelism |"))
    }

    @Test func jsonCarriesTheMatrixAndEveryVerdict() throws {
        let result = try CLI.run(["compare", "--format", "json"] + Self.files)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.map { $0["label"] as? String } == ["machine-a", "machine-b", "machine-c"])
        #expect((document["rows"] as? [Any])?.isEmpty == false)
        #expect((document["comparisons"] as? [[String: Any]])?.allSatisfy { $0["verdict"] is String } == true)
    }
}
