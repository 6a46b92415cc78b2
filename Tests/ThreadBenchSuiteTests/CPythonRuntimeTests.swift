import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchSuite

/// The cpython runtime end to end: the shipped driver, a real interpreter, real threads.
@Suite(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
struct CPythonRuntimeTests {
    let executor: CPythonExecutor

    init() throws {
        let interpreter = try #require(PythonInterpreter.discover())
        executor = CPythonExecutor(interpreter: interpreter, driverPath: try PythonDriver.scriptPath(), graceSeconds: 10)
    }

    /// Runs `workload` under cpython at each thread count, one repetition, no warm-up.
    func run(_ workload: any Workload, threads: [Int], tasks: Int) throws -> [BatchRecord] {
        let plan = RunPlan(workloads: [workload], runtimes: [.cpython], threadCounts: threads, repetitions: 1,
                           warmup: 0, tasks: tasks, scaling: .strong, switchIntervalMs: 5, batchTimeoutSeconds: 60)
        var records: [BatchRecord] = []
        try Runner(plan: plan, executors: [.cpython: executor]).run { records.append($0) }
        return records
    }

    @Test func sleepingThreadsOverlapUnderTheRealGIL() throws {
        let records = try run(SleepWorkload(options: SuiteOptions(sleepMs: 20)), threads: [1, 4], tasks: 8)
        #expect(records.count == 2)
        let one = try #require(records.first { $0.threads == 1 })
        let four = try #require(records.first { $0.threads == 4 })
        for record in records {
            #expect(record.errors == 0, "\(record.firstError)")
            #expect(record.timedOut == 0)
            #expect(record.ops == 8)
            #expect(record.tasks == 8)
            #expect(record.runtime.isCPython)
            #expect(record.runtimeVersion.hasPrefix("cpython-3."))
            #expect(record.taskP50Millis >= 20)
        }
        #expect(one.wallSeconds >= 8 * 0.020)
        #expect(one.wallSeconds > 2 * four.wallSeconds, "1 thread \(one.wallSeconds) s, 4 threads \(four.wallSeconds) s")
    }

    @Test func everyWorkloadRunsInTheDriver() throws {
        let options = SuiteOptions(quick: true, sleepMs: 1)
        for workload in Suite.all(options) {
            let portable = try #require(workload as? any PythonPortable, "\(workload.name) has no Python version")
            let records = try run(portable, threads: [3], tasks: 4)
            #expect(records.map(\.threads) == [1, 3])
            let record = try #require(records.last)
            #expect(record.errors == 0, "\(workload.name): \(record.firstError)")
            #expect(record.ops > 0, "\(workload.name)")
            #expect(record.wallSeconds > 0)
            #expect(record.startP50Micros > 0)
            switch workload.name {
            case "http":
                let http = try #require(workload as? HTTPWorkload)
                #expect(record.ops == 4)
                #expect(record.bytes == 4 * http.bodyBytes)
                #expect(record.metrics["http_total_p50_ms"] != nil)
            case "file":
                let file = try #require(workload as? FileWorkload)
                #expect(record.bytes == 4 * 2 * file.bytesPerTask)
                #expect(record.metrics["mib_per_s"] != nil)
            case "convoy":
                // Beside the computing thread a waking thread waits for the real GIL too.
                let beside = try #require(record.metrics["io_p50_ms"])
                let alone = try #require(record.metrics["io_baseline_p50_ms"])
                #expect(alone >= 1)
                #expect(beside >= alone)
            default:
                break
            }
        }
    }

    @Test func mathRunsTheCPythonSize() throws {
        let workload = MathWorkload(options: SuiteOptions(quick: true))
        let records = try run(workload, threads: [2], tasks: 4)
        #expect(records.allSatisfy { $0.ops == 4 * workload.sizes.cpython })
        #expect(records.allSatisfy { $0.taskWork == TaskWork(amount: Double(workload.sizes.cpython), unit: "iterations") })
        #expect(records.allSatisfy { $0.threadCPUSeconds > 0 })
    }

    @Test func theDriverShipsAsAResource() throws {
        let path = try PythonDriver.scriptPath()
        #expect(path.hasSuffix("threadbench_driver.py"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("daemon=True"))
    }
}
