import Foundation
import Testing

/// More bad command lines, across `run`, `compare`, `report`, `serve`, `list` and `calibrate`:
/// each gets one `threadbench: error:` line, its documented status (64 bad options, 1 failure
/// at run time), no usage text or stack trace, and leaves no file behind.
///
/// `{A}` is a good raw CSV, `{OUT}` an empty folder the test watches, `{FILE}` a regular file.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        let says: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        // run: huge, malformed and non-numeric numbers
        Case(arguments: ["run", "--threads", "1...99999999999999999999"], status: 64, says: "--threads"),
        Case(arguments: ["run", "--threads", "1..4"], status: 64, says: "--threads"),
        Case(arguments: ["run", "--threads", "...8"], status: 64, says: "--threads"),
        Case(arguments: ["run", "--threads", "8...1"], status: 64, says: "--threads"),
        Case(arguments: ["run", "--repetitions", "99999999999999999999"], status: 64, says: "repetitions"),
        Case(arguments: ["run", "--repetitions", "10001"], status: 64, says: "--repetitions"),
        Case(arguments: ["run", "--warmup", "1001"], status: 64, says: "--warmup"),
        Case(arguments: ["run", "--precision", "0"], status: 64, says: "--precision"),
        Case(arguments: ["run", "--precision", "nan"], status: 64, says: "--precision"),
        Case(arguments: ["run", "--budget", "0"], status: 64, says: "--budget"),
        Case(arguments: ["run", "--budget", "inf"], status: 64, says: "--budget"),
        Case(arguments: ["run", "--tasks", "100000001"], status: 64, says: "--tasks"),
        Case(arguments: ["run", "--python-gil", "2", "--out", "{OUT}"], status: 64, says: "--python-gil must be 0 or 1"),
        Case(arguments: ["run", "--python-gil", "", "--out", "{OUT}"], status: 64, says: "--python-gil"),
        Case(arguments: ["run", "--python", "/bin/true", "--out", "{OUT}"], status: 64, says: "--python '/bin/true' is not a Python 3 interpreter"),
        Case(arguments: ["run", "--python", "/nonexistent/python3,/bin/true", "--out", "{OUT}"], status: 64, says: "no such file"),
        Case(arguments: ["run", "--python", ",", "--out", "{OUT}"], status: 64, says: "--python ',': an empty name in the list"),
        Case(arguments: ["run", "--timeout", "nan"], status: 64, says: "--timeout"),
        Case(arguments: ["run", "--timeout", "inf"], status: 64, says: "--timeout"),
        Case(arguments: ["run", "--switch-interval", "1e9"], status: 64, says: "--switch-interval"),
        Case(arguments: ["run", "--sleep-ms", "nan"], status: 64, says: "--sleep-ms"),
        Case(arguments: ["run", "--http-timeout", "1e9"], status: 64, says: "--http-timeout"),
        Case(arguments: ["run", "--file-bytes", "2000000000"], status: 64, says: "--file-bytes"),
        Case(arguments: ["run", "--workloads", "math,,sleep"], status: 64, says: "workload"),
        Case(arguments: ["run", "--runtimes", ""], status: 64, says: "runtime"),
        // run: conflicting flags and stray arguments
        Case(arguments: ["run", "--url", "http://127.0.0.1:9/", "--http-bytes", "5"], status: 64, says: "--url"),
        Case(arguments: ["run", "--tasks", "3", "--threads", "1...8"], status: 64, says: "--tasks 3"),
        Case(arguments: ["run", "--label", "x", "stray"], status: 64, says: "stray"),
        // run: unwritable paths (a failure at run time, before any batch)
        Case(arguments: ["run", "--workloads", "sleep", "--threads", "1", "--quick", "--out", "/proc/tb-bad/x"],
             status: 1, says: "/proc/tb-bad/x"),
        Case(arguments: ["run", "--workloads", "sleep", "--threads", "1", "--quick", "--out", "{FILE}"],
             status: 1, says: "not a folder"),
        // compare
        Case(arguments: ["compare", "{A}", "{A}", "--alpha", "nan"], status: 64, says: "--alpha"),
        Case(arguments: ["compare", "{A}", "{A}", "--alpha", "0"], status: 64, says: "--alpha"),
        Case(arguments: ["compare", "{A}", "{A}", "--fail-on-regression", "inf"], status: 64, says: "--fail-on-regression"),
        Case(arguments: ["compare", "{A}", "{A}", "--chart", ""], status: 64, says: "--chart"),
        Case(arguments: ["compare", "{A}", "{A}", "--match-runtime", "swift"], status: 64, says: "a runtime match is BASELINE=OTHER"),
        Case(arguments: ["compare", "{A}", "{A}", "--match-runtime", "cpython-3.11=swift"], status: 64, says: "has no cpython-3.11 rows"),
        Case(arguments: ["compare", "{A}", "{A}", "--format", "CSV"], status: 64, says: "--format"),
        Case(arguments: ["compare", "{A}", "{A}", "--chart", "/proc/tb-bad.svg"], status: 1, says: "/proc/tb-bad.svg"),
        Case(arguments: ["compare", "{A}", "{OUT}"], status: 1, says: "it is a folder"),
        // report
        Case(arguments: ["report", "{A}", "--out", ""], status: 64, says: "--out"),
        Case(arguments: ["report", "{A}", "{A}"], status: 64, says: "Unexpected argument"),
        Case(arguments: ["report", "{OUT}/missing.csv"], status: 1, says: "no such file"),
        Case(arguments: ["report", "{A}", "--out", "/proc/tb-bad.svg"], status: 1, says: "/proc/tb-bad.svg"),
        // serve
        Case(arguments: ["serve", "--event-loops", "0"], status: 64, says: "--event-loops"),
        Case(arguments: ["serve", "--event-loops", "65"], status: 64, says: "--event-loops"),
        Case(arguments: ["serve", "--host", " "], status: 64, says: "--host"),
        Case(arguments: ["serve", "--port", "abc"], status: 64, says: "port"),
        Case(arguments: ["serve", "--host", "256.1.1.1", "--port", "0"], status: 1, says: "256.1.1.1"),
        // the other commands
        Case(arguments: ["list", "--bogus"], status: 64, says: "--bogus"),
        Case(arguments: ["calibrate", "--threads", "5"], status: 64, says: "--threads"),
    ]

    /// The raw CSV every compare and report case starts from.
    static var goodCSV: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ThreadBenchCoreTests/Fixtures/machine-a.csv").path
    }

    @Test func atLeastTwentyFiveCasesAcrossTheCommands() {
        #expect(Self.cases.count >= 25)
        for command in ["run", "compare", "report", "serve"] {
            #expect(Self.cases.contains { $0.arguments.first == command }, "no case for \(command)")
        }
    }

    @Test(arguments: cases)
    func badInputGetsOneLineItsStatusAndNoFile(_ testCase: Case) throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "-file"
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let arguments = testCase.arguments.map {
            $0.replacingOccurrences(of: "{A}", with: Self.goodCSV).replacingOccurrences(of: "{OUT}", with: folder)
                .replacingOccurrences(of: "{FILE}", with: file)
        }
        let outArguments = arguments.first == "run" && !arguments.contains("--out") ? ["--out", folder] : []
        let result = try CLI.run(arguments + outArguments)
        #expect(result.status == testCase.status, "\(testCase): status \(result.status), \(result.stderr)")
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(testCase): \(result.stderr)")
        #expect(lines.first?.hasPrefix("threadbench: error: ") == true, "\(testCase): \(result.stderr)")
        #expect(result.stderr.contains(testCase.says), "\(testCase): \(result.stderr)")
        #expect(!result.stderr.contains("Usage:") && !result.stderr.contains("Stack dump"), "\(testCase)")
        #expect(!result.stdout.contains("chart:") && !result.stdout.contains("results:"), "\(testCase)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "\(testCase) wrote a file")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
    }
}
