import Foundation

/// Runs a batch on real CPython threads: one driver child process per batch.
///
/// One process per batch keeps batches apart: a batch that hangs or crashes costs only its
/// own row, no thread of an earlier batch is still running in a later one, and the hard
/// time limit maps onto exactly one batch. Interpreter start-up (tens of milliseconds) lies
/// outside the measured wall time, which the driver takes from first `start()` to last `join`.
///
/// A driver that dies, prints garbage, breaks the contract or outlives the batch timeout
/// never stops the run: its batch comes back as a record whose `errors` (and `timedOut`,
/// when it was killed) count every thread, with the reason in `firstError`.
public struct CPythonExecutor: BatchExecuting {
    /// The interpreter every batch runs in.
    public let interpreter: PythonInterpreter
    /// The driver script (threadbench_driver.py).
    public let driverPath: String
    /// Seconds a child may run past the batch timeout (start-up, report) before it is killed.
    public let graceSeconds: Seconds
    /// Polled while a batch runs; true kills the child and ends the run (a Ctrl-C).
    let shouldStop: @Sendable () -> Bool

    /// Creates an executor.
    /// - Parameters:
    ///   - graceSeconds: how long a child may outlive the batch timeout before it is killed.
    ///   - shouldStop: polled every 50 ms during a batch; by default, whether SIGINT or SIGTERM arrived.
    public init(interpreter: PythonInterpreter, driverPath: String, graceSeconds: Seconds = 15,
                shouldStop: @escaping @Sendable () -> Bool = { Interruption.signal != nil }) {
        self.interpreter = interpreter
        self.driverPath = driverPath
        self.graceSeconds = graceSeconds
        self.shouldStop = shouldStop
    }

    /// Only workloads with a Python version can run here.
    public func supports(_ workload: any Workload) -> Bool { workload is any PythonPortable }

    /// Runs one batch in a fresh driver process and folds its report into a record.
    /// - Throws: `RunError.cancelled` when `shouldStop` said so mid-batch; every other failure
    ///   is a record with errors.
    public func execute(_ spec: BatchSpec) throws -> BatchRecord {
        guard let workload = spec.workload as? any PythonPortable else {
            return failed(spec, seconds: 0, "\(spec.workload.name) has no Python version")
        }
        let request: String
        do {
            request = try DriverRequest(spec: spec, workload: workload).json()
        } catch {
            return failed(spec, seconds: 0, "cannot encode the batch for the python driver: \(error)")
        }
        let result: ChildResult
        do {
            result = try ChildProcess.run(interpreter.executable, [driverPath, request],
                                          timeoutSeconds: spec.timeoutSeconds + graceSeconds, shouldStop: shouldStop)
        } catch {
            return failed(spec, seconds: 0, "python driver: \(error)")
        }
        if result.interrupted { throw RunError.cancelled }
        let limit = CSVText.number(spec.timeoutSeconds + graceSeconds)
        if result.timedOut {
            var record = failed(spec, seconds: result.elapsedSeconds,
                                "python driver still running after \(limit) s; killed")
            record.timedOut = spec.threads
            return record
        }
        let report: DriverReport
        do {
            report = try DriverReport.parse(result.stdout, threads: spec.threads)
        } catch {
            let how = result.killedBySignal ? "died on signal \(result.status)" : "exited with status \(result.status)"
            let tail = result.stderrTail.isEmpty ? "" : "; stderr: \(result.stderrTail)"
            return failed(spec, seconds: result.elapsedSeconds, "python driver \(how) and \(error)\(tail)")
        }
        if let refusal = report.error {
            return failed(spec, seconds: result.elapsedSeconds, "python driver refused the batch: \(refusal)",
                          report: report)
        }
        return fold(report, spec: spec, workload: workload)
    }

    /// A record for a batch whose measurements were lost: every thread counts as an error.
    func failed(_ spec: BatchSpec, seconds: Seconds, _ reason: String, report: DriverReport? = nil) -> BatchRecord {
        var record = emptyRecord(spec, report: report)
        record.wallSeconds = seconds
        record.errors = spec.threads
        record.firstError = reason
        return record
    }

    private func emptyRecord(_ spec: BatchSpec, report: DriverReport?) -> BatchRecord {
        let gil = report?.gil_enabled ?? interpreter.gilEnabled
        let version = report.map { "cpython-\($0.python_version)" } ?? interpreter.runtimeVersion
        return BatchRecord(
            workload: spec.workload.name, kind: spec.workload.kind, runtime: .cpython(gilEnabled: gil),
            runtimeVersion: version, switchIntervalMs: spec.switchIntervalMs, scaling: spec.scaling,
            threads: spec.threads, tasks: spec.tasks, repetition: spec.repetition)
    }

    /// The record of a batch the driver ran: timings of the finished threads, counts, metrics.
    func fold(_ report: DriverReport, spec: BatchSpec, workload: any PythonPortable) -> BatchRecord {
        var record = emptyRecord(spec, report: report)
        let all = report.threads ?? []
        let done = all.filter(\.finished)
        record.wallSeconds = report.wall_s ?? 0
        record.workSeconds = report.work_s ?? 0
        record.cpuUserSeconds = report.cpu_user_s ?? 0
        record.cpuSysSeconds = report.cpu_sys_s ?? 0
        record.voluntaryContextSwitches = report.ctx_voluntary ?? 0
        record.involuntaryContextSwitches = report.ctx_involuntary ?? 0
        record.threadCPUSeconds = done.reduce(0) { $0 + ($1.cpu_s ?? 0) }
        let spawn = all.map(\.spawn_us)
        let start = done.compactMap(\.start_latency_us)
        let join = done.compactMap(\.join_latency_us)
        record.spawnP50Micros = Statistics.median(spawn)
        record.startP50Micros = Statistics.median(start)
        record.startMaxMicros = start.max() ?? 0
        record.joinP50Micros = Statistics.median(join)
        record.joinMaxMicros = join.max() ?? 0
        let taskMillis = done.flatMap { $0.task_ms ?? [] }.sorted()
        record.taskP50Millis = Statistics.percentile(sorted: taskMillis, 50)
        record.taskP99Millis = Statistics.percentile(sorted: taskMillis, 99)
        record.ops = done.reduce(0) { $0 + ($1.ops ?? 0) }
        record.bytes = done.reduce(0) { $0 + ($1.bytes ?? 0) }
        record.errors = done.reduce(0) { $0 + ($1.errors ?? 0) }
        record.firstError = done.lazy.compactMap(\.first_error).first ?? ""
        var samples: [String: [Double]] = [:]
        for thread in done {
            for (name, values) in thread.samples_ms ?? [:] { samples[name, default: []] += values }
        }
        for name in workload.sampleNames {
            let values = (samples[name] ?? []).sorted()
            guard !values.isEmpty else { continue }
            record.metrics["\(name)_p50_ms"] = Statistics.percentile(sorted: values, 50)
            record.metrics["\(name)_p99_ms"] = Statistics.percentile(sorted: values, 99)
        }
        let figures = PythonBatchFigures(bytes: record.bytes, workSeconds: record.workSeconds, samplesMs: samples)
        for (column, value) in workload.pythonBatchMetrics(figures) { record.metrics[column] = value }
        let timedOut = report.timed_out ?? 0
        if timedOut > 0 {
            record.timedOut = timedOut
            record.errors += timedOut
            if record.firstError.isEmpty {
                record.firstError = "\(timedOut) of \(spec.threads) python threads still running after "
                    + "\(CSVText.number(spec.timeoutSeconds)) s; abandoned"
            }
        }
        return record
    }
}
