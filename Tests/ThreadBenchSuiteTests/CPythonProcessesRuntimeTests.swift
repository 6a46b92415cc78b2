import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchSuite

/// The `cpython-processes` runtime end to end: the executor in processes mode, the shipped
/// driver, a real interpreter, `multiprocessing.Process` children.
@Suite(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
struct CPythonProcessesRuntimeTests {
    let interpreter: PythonInterpreter
    let driver: String

    init() throws {
        interpreter = try #require(PythonInterpreter.discover())
        driver = try PythonDriver.scriptPath()
    }

    func executor(_ method: StartMethod) -> CPythonExecutor {
        CPythonExecutor(interpreter: interpreter, driverPath: driver, workers: .processes(method), graceSeconds: 20)
    }

    @Test func mathRunsInProcessesWithEveryTimingPresentAndOrdered() throws {
        let plan = RunPlan(workloads: [MathWorkload(options: SuiteOptions(quick: true))], runtimes: [.cpythonProcesses],
                           threadCounts: [2], repetitions: 1, warmup: 0, tasks: 4, scaling: .strong,
                           switchIntervalMs: 5, batchTimeoutSeconds: 90)
        var records: [BatchRecord] = []
        try Runner(plan: plan, executors: [.cpythonProcesses: executor(.fork)]).run { records.append($0) }
        #expect(records.map(\.threads) == [1, 2])
        let size = Int(MathWorkload(options: SuiteOptions(quick: true)).taskWork(under: .cpythonProcesses).amount)
        for record in records {
            #expect(record.errors == 0, "\(record.firstError)")
            #expect(record.runtime == .cpythonProcesses)
            #expect(record.runtimeVersion == interpreter.runtimeVersion + "-fork")
            #expect(record.ops == 4 * size, "processes run the CPython size")
            #expect(record.spawnP50Micros > 0)
            #expect(record.startP50Micros > 0 && record.startMaxMicros >= record.startP50Micros)
            #expect(record.joinP50Micros > 0 && record.joinMaxMicros >= record.joinP50Micros)
            #expect(record.workSeconds > 0 && record.workSeconds <= record.wallSeconds)
            #expect(record.taskP50Millis > 0)
            // One process's whole timeline (start, its tasks, its join) lies inside the batch.
            let perProcess = record.startP50Micros / 1e6 + record.taskP50Millis / 1e3 + record.joinP50Micros / 1e6
            #expect(perProcess <= record.wallSeconds, "\(record)")
        }
    }

    /// A child that hangs is terminated by the driver at the batch timeout, reported as timed
    /// out, and the others are measured; the driver itself is never killed.
    @Test(arguments: [false, true])
    func aHungChildIsEndedAtTheTimeoutAndReported(ignoringSIGTERM: Bool) throws {
        let spec = BatchSpec(workload: PortableHang(ignoreSIGTERM: ignoringSIGTERM), runtime: .cpythonProcesses,
                             threads: 3, tasks: 3, repetition: 1, scaling: .strong, switchIntervalMs: 5,
                             timeoutSeconds: 1)
        let record = try executor(.fork).execute(spec)
        #expect(record.timedOut == 1)
        #expect(record.errors == 1)
        #expect(record.ops == 2, "the other two processes ran their task")
        let ending = ignoringSIGTERM ? "kill: 1" : "terminate: 1"
        #expect(record.firstError.contains("1 of 3 python processes still running after 1 s; ended by the driver (\(ending))"),
                "\(record.firstError)")
        #expect(record.runtimeVersion.hasSuffix("-fork"))
    }

    @Test func theStartMethodAskedForIsTheOneRecorded() throws {
        let spec = BatchSpec(workload: SleepWorkload(options: SuiteOptions(sleepMs: 1)), runtime: .cpythonProcesses,
                             threads: 2, tasks: 2, repetition: 1, scaling: .strong, switchIntervalMs: 5,
                             timeoutSeconds: 60)
        let record = try executor(.spawn).execute(spec)
        #expect(record.errors == 0, "\(record.firstError)")
        #expect(record.runtimeVersion == interpreter.runtimeVersion + "-spawn")
    }
}
