import Foundation
import ThreadBenchModel

/// Runs batches on real CPython threads (`cpython`) or processes (`cpython-processes`): one
/// driver child process per round (`executeRound`, in `CPythonExecutor+Round.swift`).
///
/// One process per round, because CPython's speed differs from process to process far more
/// than within one (the same loop took 105-184 ms across 8 fresh processes, within about +-5%
/// inside one), and a round's paired ratio wall(1) / wall(N) cancels only what its batches
/// share. A fresh process per round keeps rounds independent. A batch that leaves hung workers
/// behind ends its process after its report, so no abandoned daemon thread runs beside a later
/// batch; the rest of the round runs in a fresh process. The hard time limit is the round's
/// batch timeouts together plus `graceSeconds`. Interpreter start-up (tens of milliseconds)
/// lies outside the measured wall time, which the driver takes from first `start()` to last `join`.
///
/// A driver that dies, prints garbage, breaks the contract or outlives its time limit never
/// stops the run: the batch in flight comes back as a record whose `errors` (and `timedOut`,
/// when it was killed) count every thread, with the reason in `firstError`, and the batches
/// it never reached as records with errors that say so. Under processes a worker process that
/// hung is terminated by the driver at the batch timeout and counts as timed out; one that
/// died before reporting counts as an error.
public struct CPythonExecutor: BatchExecuting {
    /// The interpreter every batch runs in.
    public let interpreter: PythonInterpreter
    /// What each worker runs on: threads, or processes started by a given method.
    public let workers: PythonWorkers
    /// The driver script (threadbench_driver.py).
    public let driverPath: String
    /// Seconds a child may run past the batch timeout (start-up, report) before it is killed.
    public let graceSeconds: Seconds
    /// The name its thread rows carry when it is one of several interpreters
    /// (`PythonRuntimeNames`); nil: `cpython`, or `cpython-nogil` when the GIL was off.
    public let runtimeName: Runtime?

    /// Creates an executor.
    /// - Parameters:
    ///   - workers: threads (`cpython`) or processes (`cpython-processes`).
    ///   - graceSeconds: how long a child may outlive the batch timeout before it is killed.
    ///   - runtimeName: the name of its thread rows when it is one of several interpreters.
    public init(interpreter: PythonInterpreter, driverPath: String, workers: PythonWorkers = .threads,
                graceSeconds: Seconds = 15, runtimeName: Runtime? = nil) {
        self.interpreter = interpreter
        self.workers = workers
        self.driverPath = driverPath
        self.graceSeconds = graceSeconds
        self.runtimeName = runtimeName
    }

    /// Only workloads with a Python version can run here.
    public func supports(_ workload: any Workload) -> Bool { workload is any PythonPortable }

    /// Runs one batch in a fresh driver process and folds its report into a record: a round of one.
    /// - Throws: `RunError.cancelled` when `spec.stop` said so mid-batch (polled every 50 ms;
    ///   the child is killed); every other failure is a record with errors.
    public func execute(_ spec: BatchSpec) throws -> BatchRecord {
        guard let record = try executeRound([spec]).first else {
            return failed(spec, seconds: 0, "python driver: no record for the batch")
        }
        return record
    }

    /// The record of a batch the driver answered: its measurements, or its refusal.
    func record(for report: DriverReport, spec: BatchSpec, seconds: Seconds) -> BatchRecord {
        guard let workload = spec.workload as? any PythonPortable else {
            return failed(spec, seconds: seconds, "\(spec.workload.name) has no Python version", report: report)
        }
        if let refusal = report.error {
            return failed(spec, seconds: seconds, "python driver refused the batch: \(refusal)", report: report)
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

    /// A record of the batch with no measurements: its runtime, version and GIL as the report
    /// says them, or as the interpreter's probe did when there is no report.
    private func emptyRecord(_ spec: BatchSpec, report: DriverReport?) -> BatchRecord {
        let gil = PythonGILState(freeThreadedBuild: report?.free_threaded ?? interpreter.gilDisabledBuild,
                                 enabled: report?.gil_enabled ?? interpreter.gilEnabled)
        let method = workers.startMethod.map { "-\($0.rawValue)" } ?? ""
        let version = (report.map { "cpython-\($0.python_version)" } ?? interpreter.runtimeVersion) + method
        let runtime = workers == .threads ? runtimeName ?? .cpython(gilEnabled: gil.enabled) : .cpythonProcesses
        var record = BatchRecord(
            workload: spec.workload.name, kind: spec.workload.kind, runtime: runtime,
            runtimeVersion: version, switchIntervalMs: spec.switchIntervalMs, scaling: spec.scaling,
            threads: spec.threads, tasks: spec.tasks, repetition: spec.repetition)
        record.pythonGIL = gil
        return record
    }

    /// The record of a batch the driver ran: timings of the finished threads, counts, metrics.
    func fold(_ report: DriverReport, spec: BatchSpec, workload: any PythonPortable) -> BatchRecord {
        var record = emptyRecord(spec, report: report)
        record.wallSeconds = report.wall_s ?? 0
        record.workSeconds = report.work_s ?? 0
        record.cpuUserSeconds = report.cpu_user_s ?? 0
        record.cpuSysSeconds = report.cpu_sys_s ?? 0
        record.voluntaryContextSwitches = report.ctx_voluntary ?? 0
        record.involuntaryContextSwitches = report.ctx_involuntary ?? 0
        let threads = (report.threads ?? []).map(\.figures)
        BatchAggregation.fold(threads, sampleNames: workload.sampleNames, into: &record)
        let figures = PythonBatchFigures(bytes: record.bytes, workSeconds: record.workSeconds,
                                         samplesMs: BatchAggregation.mergedSamples(threads))
        for (column, value) in workload.pythonBatchMetrics(figures) { record.metrics[column] = value }
        let unfinished = (report.threads ?? []).filter { !$0.finished }
        // A process the driver did not have to stop ended on its own without reporting: it died.
        let died = workers == .threads ? [] : unfinished.filter { $0.ended_by == nil }
        for process in died {
            record.errors += 1
            if record.firstError.isEmpty {
                record.firstError = "python process \(process.index) ended with exit code "
                    + "\(process.exitcode.map(String.init) ?? "unknown") before reporting"
            }
        }
        let timedOut = unfinished.count - died.count
        let after = "still running after \(CSVText.number(spec.timeoutSeconds)) s"
        BatchAggregation.markTimedOut(timedOut, in: &record, reason: workers == .threads
            ? "\(timedOut) of \(spec.threads) python threads \(after); abandoned"
            : "\(timedOut) of \(spec.threads) python processes \(after); ended by the driver ("
                + Self.endings(unfinished) + ")")
        return record
    }

    /// How the driver stopped the processes that outlived the batch: "terminate: 1, kill: 1".
    static func endings(_ processes: [DriverReport.ThreadReport]) -> String {
        processes.compactMap(\.ended_by).orderedGroups(by: { $0 })
            .map { "\($0.key): \($0.members.count)" }.joined(separator: ", ")
    }
}

extension DriverReport.ThreadReport {
    /// This thread's figures; an unfinished thread brings only its spawn cost.
    var figures: ThreadFigures {
        ThreadFigures(
            finished: finished, spawnMicros: spawn_us, startLatencyMicros: start_latency_us,
            joinLatencyMicros: join_latency_us, cpuSeconds: cpu_s ?? 0, taskMillis: task_ms ?? [],
            ops: ops ?? 0, bytes: bytes ?? 0, errors: errors ?? 0, firstError: first_error,
            samplesMs: samples_ms ?? [:])
    }
}
