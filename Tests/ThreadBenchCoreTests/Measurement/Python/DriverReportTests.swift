import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// The JSON contract between ThreadBench and the CPython driver, read from both sides.
struct DriverReportTests {
    static let header = #""contract": 1, "implementation": "cpython", "python_version": "3.11.7", "#
        + #""gil_enabled": true, "switch_interval_ms": 5.0"#

    static func thread(_ index: Int, ops: Int = 2, errors: Int = 0, firstError: String? = nil) -> String {
        let error = firstError.map { "\"\($0)\"" } ?? "null"
        return #"{"index": \#(index), "finished": true, "spawn_us": 80.5, "start_latency_us": 120.0, "#
            + #""run_s": 0.04, "join_latency_us": 60.0, "cpu_s": 0.001, "ops": \#(ops), "bytes": 100, "#
            + #""errors": \#(errors), "first_error": \#(error), "task_ms": [20.1, 20.3], "#
            + #""samples_ms": {"io": [1.0, 3.0]}}"#
    }

    static func report(threads: [String], timedOut: Int = 0, wall: String = "0.05") -> String {
        #"{\#(header), "error": null, "wall_s": \#(wall), "work_s": 0.045, "cpu_user_s": 0.01, "#
            + #""cpu_sys_s": 0.002, "ctx_voluntary": 9, "ctx_involuntary": 1, "timed_out": \#(timedOut), "#
            + #""threads": [\#(threads.joined(separator: ", "))]}"#
    }

    static func spec(threads: Int, workload: any Workload = PortableNap()) -> BatchSpec {
        BatchSpec(workload: workload, runtime: .cpython, threads: threads, tasks: 4, repetition: 1,
                  scaling: .strong, switchIntervalMs: 5, timeoutSeconds: 10)
    }

    static let executor = CPythonExecutor(
        interpreter: PythonInterpreter(path: "python3", executable: "/usr/bin/python3", version: "3.11.7",
                                       gilEnabled: true),
        driverPath: "/nonexistent/threadbench_driver.py")

    @Test func aValidReportParsesAndFoldsIntoARecord() throws {
        let text = "some warning on stdout\n" + Self.report(threads: [Self.thread(0), Self.thread(1, errors: 1,
                                                                                               firstError: "boom")])
        let report = try DriverReport.parse(Data(text.utf8), threads: 2)
        #expect(report.python_version == "3.11.7")
        let record = Self.executor.fold(report, spec: Self.spec(threads: 2), workload: PortableNap())
        #expect(record.runtime == "cpython")
        #expect(record.runtimeVersion == "cpython-3.11.7")
        #expect(record.wallSeconds == 0.05)
        #expect(record.ops == 4)
        #expect(record.bytes == 200)
        #expect(record.errors == 1)
        #expect(record.firstError == "boom")
        #expect(record.startP50Micros == 120)
        #expect(record.joinMaxMicros == 60)
        #expect(record.taskP50Millis > 20 && record.taskP50Millis < 20.4)
        #expect(abs(record.threadCPUSeconds - 0.002) < 1e-12)
        #expect(record.metrics["io_p50_ms"] == 2)
        #expect(record.metrics["mib_per_s"] != nil)
        #expect(record.timedOut == 0)
    }

    @Test func unfinishedThreadsCountAsTimedOutErrors() throws {
        let text = Self.report(threads: [Self.thread(0), #"{"index": 1, "finished": false, "spawn_us": 70}"#],
                               timedOut: 1)
        let report = try DriverReport.parse(Data(text.utf8), threads: 2)
        let record = Self.executor.fold(report, spec: Self.spec(threads: 2), workload: PortableNap())
        #expect(record.timedOut == 1)
        #expect(record.errors == 1)
        #expect(record.ops == 2)
        #expect(record.firstError.contains("still running"))
    }

    @Test func aFreeThreadedInterpreterIsLabelledNoGIL() throws {
        let text = Self.report(threads: [Self.thread(0)]).replacingOccurrences(of: #""gil_enabled": true"#,
                                                                             with: #""gil_enabled": false"#)
        let report = try DriverReport.parse(Data(text.utf8), threads: 1)
        let record = Self.executor.fold(report, spec: Self.spec(threads: 1), workload: PortableNap())
        #expect(record.runtime == "cpython-nogil")
    }

    static let broken: [(String, String)] = [
        ("", "printed nothing"),
        ("Traceback (most recent call last):", "not JSON"),
        ("{\"contract\": 1}", "missing field"),
        (report(threads: [thread(0)]).replacingOccurrences(of: #""wall_s": 0.05, "#, with: ""), "wall_s"),
        (report(threads: [thread(0)]).replacingOccurrences(of: #""contract": 1"#, with: #""contract": 7"#),
         "contract 7"),
        (report(threads: [thread(0)]), "1 threads reported, 2 run"),
        (report(threads: [thread(0), thread(1)], timedOut: 1), "timed_out"),
        (report(threads: [thread(1), thread(0)]), "index"),
        (report(threads: [thread(0), thread(1)], wall: "-1"), "impossible"),
        (report(threads: [thread(0), thread(1)], wall: "\"fast\""), "wrong type for 'wall_s'"),
        (report(threads: [thread(0), thread(1).replacingOccurrences(of: #""cpu_s": 0.001, "#, with: "")]),
         "lacks its measurements"),
        (report(threads: [thread(0), thread(1, ops: -3)]), "negative"),
    ]

    @Test(arguments: broken)
    func aBrokenReportIsRejectedWithItsReason(_ output: String, _ reason: String) throws {
        #expect {
            _ = try DriverReport.parse(Data(output.utf8), threads: 2)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func aRefusalParsesWithItsReason() throws {
        let text = "{\(Self.header), \"error\": \"unknown workload 'x'\"}"
        let report = try DriverReport.parse(Data(text.utf8), threads: 3)
        #expect(report.error == "unknown workload 'x'")
    }

    @Test func theRequestCarriesRangesOnlyWhenTheyAreNotTheEvenSplit() throws {
        let even = try DriverRequest(spec: Self.spec(threads: 3), workload: PortableNap()).json()
        #expect(even.contains(#""tasks":4"#))
        #expect(even.contains(#""threads":3"#))
        #expect(even.contains(#""params":{"sleep_ms":1}"#))
        #expect(!even.contains("ranges"))
        #expect(even.contains(#""contract":1"#))
    }
}
