import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchSuite

/// The driver's processes mode (the `cpython-processes` runtime), run directly: the
/// shipped driver, a real interpreter, `multiprocessing.Process` children.
@Suite(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
struct CPythonProcessesDriverTests {
    let python: PythonInterpreter
    let driver: String

    init() throws {
        python = try #require(PythonInterpreter.discover())
        driver = try PythonDriver.scriptPath()
    }

    /// What one driver run gave: its exit status, the checked report, and the raw JSON for the new fields.
    struct Outcome {
        var status: Int32
        var report: DriverReport
        var fields: [String: Any]
        /// The driver's last stderr line, for failure messages.
        var stderr: String
        var entries: [[String: Any]] { fields["threads"] as? [[String: Any]] ?? [] }
    }

    /// Runs the driver on `request` (contract and processes mode added) and checks the report's contract.
    func run(_ request: [String: Any], workers: Int) throws -> Outcome {
        var batch = request
        batch["contract"] = DriverReport.contract
        batch["mode"] = "processes"
        batch["threads"] = workers
        let json = String(decoding: try JSONSerialization.data(withJSONObject: batch), as: UTF8.self)
        let result = try ChildProcess.run(python.executable, [driver, json], timeoutSeconds: 120)
        #expect(!result.timedOut, "the driver must never wait on a hung child")
        let line = try #require(String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").last)
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        // Checked as the executor checks it: processes, run by the method the report names.
        let method = StartMethod(rawValue: fields["start_method"] as? String ?? "")
        let report = try DriverReport.parse(result.stdout, threads: workers,
                                            workers: method.map(PythonWorkers.processes) ?? .threads)
        return Outcome(status: result.status, report: report, fields: fields, stderr: result.stderrTail)
    }

    /// Each finished child's timeline lies inside the batch: start() called, child's first
    /// line, barrier, tasks, join returned, all on the shared monotonic clock.
    func expectOrderedTimings(_ outcome: Outcome, _ label: String) throws {
        let wall = try #require(outcome.report.wall_s)
        let work = try #require(outcome.report.work_s)
        #expect(work <= wall, "\(label)")
        for entry in outcome.report.threads ?? [] where entry.finished {
            let start = try #require(entry.start_latency_us)
            let run = try #require(entry.run_s)
            let join = try #require(entry.join_latency_us)
            #expect(entry.spawn_us > 0 && start > 0 && run > 0 && join >= 0, "\(label) process \(entry.index)")
            #expect(start / 1e6 + run + join / 1e6 <= wall + 1e-6,
                    "\(label) process \(entry.index): start \(start) us + run \(run) s + join \(join) us > wall \(wall) s")
        }
    }

    @Test func mathRunsUnderEveryStartMethodWithOrderedTimings() throws {
        let available = ["fork", "forkserver", "spawn"]
        for method in available {
            let outcome = try run(["workload": "math", "tasks": 4, "timeout_s": 90, "start_method": method,
                                   "params": ["iterations": 20_000]], workers: 2)
            #expect(outcome.status == 0)
            #expect(outcome.report.error == nil, "\(method): \(outcome.report.error ?? "")")
            #expect(outcome.fields["mode"] as? String == "processes")
            #expect(outcome.fields["start_method"] as? String == method)
            #expect(outcome.report.timed_out == 0, "\(method): \(outcome.entries) \(outcome.stderr)")
            #expect(outcome.report.threads?.allSatisfy(\.finished) == true)
            #expect(outcome.report.threads?.compactMap(\.ops).reduce(0, +) == 4 * 20_000)
            #expect(outcome.entries.allSatisfy { $0["exitcode"] as? Int == 0 })
            try expectOrderedTimings(outcome, method)
        }
    }

    @Test func sleepRunsInProcessesAndTheDefaultStartMethodIsReported() throws {
        let outcome = try run(["workload": "sleep", "tasks": 8, "timeout_s": 90, "params": ["sleep_ms": 20]],
                              workers: 4)
        #expect(outcome.report.error == nil, "\(outcome.report.error ?? "")")
        let method = try #require(outcome.fields["start_method"] as? String)
        #expect(["fork", "forkserver", "spawn"].contains(method))
        #expect(outcome.report.threads?.compactMap(\.ops).reduce(0, +) == 8)
        #expect(outcome.report.threads?.flatMap { $0.task_ms ?? [] }.allSatisfy { $0 >= 20 } == true)
        try expectOrderedTimings(outcome, "sleep")
    }

    @Test func convoyPhasesWorkAcrossProcesses() throws {
        let outcome = try run(["workload": "convoy", "tasks": 8, "timeout_s": 90, "start_method": "fork",
                               "ranges": [[0, 4], [4, 8], [8, 9]], "params": ["io_ms": 1]], workers: 3)
        #expect(outcome.report.error == nil, "\(outcome.report.error ?? "")")
        #expect(outcome.report.timed_out == 0)
        let samples = (outcome.report.threads ?? []).compactMap(\.samples_ms)
        #expect(samples.flatMap { $0["io_baseline"] ?? [] }.count == 4)
        #expect(samples.flatMap { $0["io"] ?? [] }.count == 4)
    }

    /// A child that never ends is terminated at the batch timeout and reported; the others are measured.
    @Test(arguments: [("fork", false), ("fork", true), ("forkserver", false)])
    func hungChildIsStoppedAndReported(method: String, ignoresSIGTERM: Bool) throws {
        let outcome = try run(["workload": "test_hang", "tasks": 6, "timeout_s": 2, "start_method": method,
                               "params": ["hang_index": 1, "sleep_ms": 1, "ignore_sigterm": ignoresSIGTERM]],
                              workers: 3)
        #expect(outcome.report.error == nil)
        #expect(outcome.report.timed_out == 1)
        let finished = (outcome.report.threads ?? []).map(\.finished)
        #expect(finished == [true, false, true])
        let hung = outcome.entries[1]
        #expect(hung["ended_by"] as? String == (ignoresSIGTERM ? "kill" : "terminate"))
        #expect(hung["exitcode"] as? Int == (ignoresSIGTERM ? -9 : -15))
        #expect(outcome.entries[0]["ended_by"] is NSNull)
        try expectOrderedTimings(outcome, "test_hang")
    }

    @Test func badStartMethodIsOneClearError() throws {
        for method: Any in ["vfork", 3] {
            let outcome = try run(["workload": "math", "tasks": 2, "timeout_s": 10, "start_method": method,
                                   "params": ["iterations": 10]], workers: 2)
            #expect(outcome.status == 2)
            let error = try #require(outcome.report.error)
            #expect(error.hasPrefix("'start_method' must be one of "), "\(error)")
            #expect(!error.contains("\n"))
            #expect(outcome.report.threads == nil)
        }
    }
}
