import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchSuite

/// A round of a CPython curve runs in one driver process (the shipped driver, a real
/// interpreter): every batch's report names the same pid, and the next round another.
@Suite(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
struct CPythonRoundRuntimeTests {
    let interpreter: PythonInterpreter
    let driver: String

    init() throws {
        interpreter = try #require(PythonInterpreter.discover())
        driver = try PythonDriver.scriptPath()
    }

    func specs(_ workload: any Workload, threads: [Int], timeout: Seconds = 60) -> [BatchSpec] {
        threads.map {
            BatchSpec(workload: workload, runtime: .cpython, threads: $0, tasks: 4, repetition: 1,
                      scaling: .strong, switchIntervalMs: 5, timeoutSeconds: timeout)
        }
    }

    /// Runs `specs` as one round and returns each batch as it came back.
    func round(_ specs: [BatchSpec], workers: PythonWorkers = .threads) throws -> [DriverBatch] {
        let executor = CPythonExecutor(interpreter: interpreter, driverPath: driver, workers: workers, graceSeconds: 20)
        var batches: [DriverBatch] = []
        try executor.runRound(specs) { batches.append($0) }
        return batches
    }

    @Test func aRoundRunsInOneProcessAndTheNextInAnother() throws {
        let sleep = SleepWorkload(options: SuiteOptions(sleepMs: 1))
        let first = try round(specs(sleep, threads: [1, 2, 4]))
        #expect(first.map(\.record.threads) == [1, 2, 4])
        for batch in first {
            #expect(batch.record.errors == 0, "\(batch.record.firstError)")
            #expect(batch.record.ops == 4)
        }
        let pids = first.map { $0.report?.pid }
        #expect(pids.allSatisfy { $0 != nil && $0 == pids[0] }, "one process for the round: \(pids)")
        let second = try round(specs(sleep, threads: [1, 2, 4]))
        #expect(second.map(\.record.errors) == [0, 0, 0])
        #expect(second[0].report?.pid != pids[0], "a fresh process for each round")
    }

    /// The worker at index 1 hangs, so the 2-worker batch times out; its process ends after
    /// its report and the last batch runs in a fresh one.
    @Test(arguments: [PythonWorkers.threads, .processes(.fork)])
    func aHungBatchEndsItsProcessAndTheNextRunsInAFreshOne(workers: PythonWorkers) throws {
        var specs = specs(PortableHang(), threads: [1, 2, 1], timeout: 1)
        if workers != .threads { for index in specs.indices { specs[index].runtime = .cpythonProcesses } }
        let batches = try round(specs, workers: workers)
        #expect(batches.map(\.record.threads) == [1, 2, 1])
        #expect(batches.map(\.record.timedOut) == [0, 1, 0], "\(batches.map(\.record.firstError))")
        #expect(batches[0].record.errors == 0 && batches[2].record.errors == 0, "\(batches.map(\.record.firstError))")
        let pids = batches.map { $0.report?.pid }
        #expect(pids[0] != nil && pids[0] == pids[1], "the hung batch ran in the round's process")
        #expect(pids[2] != nil && pids[2] != pids[1], "the batch after it ran in a fresh process")
    }

    @Test func theDriverStillTakesASingleBatchObject() throws {
        let request = #"{"contract": 1, "workload": "sleep", "threads": 2, "tasks": 2, "timeout_s": 30, "#
            + #""switch_interval_ms": 5, "params": {"sleep_ms": 1}}"#
        let result = try ChildProcess.run(interpreter.executable, [driver, request], timeoutSeconds: 60)
        #expect(result.status == 0, "\(result.stderrTail)")
        let lines = CPythonExecutor.reportLines(result)
        #expect(lines.count == 1)
        let report = try DriverReport.parse(result.stdout, threads: 2)
        #expect(report.error == nil && report.timed_out == 0 && report.pid != nil)
    }
}
