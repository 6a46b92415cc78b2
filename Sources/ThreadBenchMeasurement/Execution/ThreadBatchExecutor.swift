import ThreadBenchModel

/// Runs a batch on `BenchThread`s, with or without the emulated GIL.
///
/// The steps: make the batch's crew (a worker, a slot and a thread per index), start the
/// threads, which wait at the start gate, open it, join every thread within the batch
/// timeout, and fold what the joined threads measured into the record.
///
/// Under `swift-gil` the calling thread plays CPython's main thread (`MainThreadHandoff`): it
/// takes the lock before the first start, releases it only while it waits (for the gate to
/// fill, in each thread's join) and takes it back after each wait, competing with the workers
/// still computing, as `PyEval_SaveThread` / `PyEval_RestoreThread` do around CPython's waits.
public struct ThreadBatchExecutor: BatchExecuting {
    /// Creates an executor.
    public init() {}

    /// Runs one batch and measures it.
    /// - Throws: `ThreadError.creationFailed` when a thread cannot be created (the threads
    ///   already started are released and joined first), `RunError.cancelled` when
    ///   `spec.stop` asked for a stop during the batch, or what the workload throws.
    public func execute(_ spec: BatchSpec) throws -> BatchRecord {
        try spec.workload.prepareBatch(threadCount: spec.threads)
        let crew = try BatchCrew(spec)
        let main = MainThreadHandoff(lock: crew.lock)
        let usageBefore = ResourceUsage.now()
        main.enter()
        let firstStart = Clock.nowNanos()
        let threads: [BenchThread]
        do {
            // Swift's start() does not wait for the thread to run, and the workers take the
            // lock only past the gate, so the main thread keeps it while it starts them.
            threads = try crew.startThreads()
        } catch {
            main.exit()
            crew.closeWorkers(crew.workers.indices)
            throw error
        }
        let deadline = firstStart &+ Nanoseconds(spec.timeoutSeconds * 1e9)
        _ = main.blocking { crew.gate.waitUntilReady(deadlineNanos: deadline) }
        let opened = crew.gate.open()
        let joins = Self.joinThreads(threads, deadline: deadline, spec: spec, main: main)
        main.exit()
        // A thread that outlived the batch may still be using its worker: close only the joined ones.
        defer { crew.closeWorkers(joins.joined) }
        if joins.stopped {
            // Cut short: the tasks not run would make the record lie, so it is dropped.
            _ = spec.workload.finishBatch()
            throw RunError.cancelled
        }
        let lastJoin = Clock.nowNanos()
        let times = BatchTimes(firstStart: firstStart, gateOpened: opened, lastJoin: lastJoin,
                               usage: ResourceUsage.now().since(usageBefore))
        let figures = joins.joined.map { crew.slots[$0].figures(timing: threads[$0].timing) }
        var record = Self.record(spec, times: times, threads: figures, timedOut: joins.timedOut)
        for (column, value) in spec.workload.finishBatch() { record.metrics[column] = value }
        return record
    }

    /// How the joins of a batch went.
    struct JoinOutcome {
        /// The indices of the threads joined, ascending.
        var joined: [Int] = []
        /// Threads still running at the deadline, now abandoned.
        var timedOut = 0
        /// Whether a stop was asked for during the batch.
        var stopped = false
    }

    /// Joins every thread by `deadline`, abandoning those still running then.
    ///
    /// Once a stop is asked for, the threads get `spec.stopGraceSeconds` to end their
    /// current task, and are abandoned after it. Each thread's whole join (its 50 ms slices
    /// included) is one wait of the main thread with the lock released, as CPython's single
    /// `join(timeout)` is; after a join that timed out the main thread does not take the lock
    /// back, since the abandoned thread might never give it up.
    static func joinThreads(_ threads: [BenchThread], deadline: Nanoseconds, spec: BatchSpec,
                            main: MainThreadHandoff) -> JoinOutcome {
        var outcome = JoinOutcome()
        var stopDeadline: Nanoseconds?
        for (index, thread) in threads.enumerated() {
            let joined = main.blocking(retakingIf: { $0 }) {
                join(thread, deadline: deadline, stopDeadline: &stopDeadline, spec: spec)
            }
            if joined {
                outcome.joined.append(index)
            } else {
                outcome.timedOut += 1
                thread.abandon()
            }
        }
        outcome.stopped = stopDeadline != nil || spec.stop.isRequested
        return outcome
    }

    /// Joins one thread by `deadline`, or by `stopDeadline` once a stop was asked for.
    ///
    /// Joins in slices of at most 50 ms, so a stop is seen soon; the first time one is,
    /// `stopDeadline` is set, for this thread and the ones after it.
    /// - Returns: whether the thread was joined.
    static func join(_ thread: BenchThread, deadline: Nanoseconds, stopDeadline: inout Nanoseconds?,
                     spec: BatchSpec) -> Bool {
        while true {
            if stopDeadline == nil, spec.stop.isRequested {
                stopDeadline = Clock.nowNanos() &+ Nanoseconds(spec.stopGraceSeconds * 1e9)
            }
            let limit = min(deadline, stopDeadline ?? deadline)
            let now = Clock.nowNanos()
            guard now < limit else { return false }
            let slice = stopDeadline == nil ? min(Clock.span(now, limit), 50_000_000) : Clock.span(now, limit)
            if thread.join(timeout: Clock.seconds(slice)) { return true }
        }
    }

    /// The clock readings and process usage of one batch.
    struct BatchTimes {
        /// Just before the first thread was started.
        var firstStart: Nanoseconds
        /// When the start gate opened.
        var gateOpened: Nanoseconds
        /// When the last join returned.
        var lastJoin: Nanoseconds
        /// The process's CPU time and context switches over the batch.
        var usage: ResourceUsage
    }

    /// The record of a measured batch: its times, the joined threads' figures and the timeouts.
    static func record(_ spec: BatchSpec, times: BatchTimes, threads: [ThreadFigures], timedOut: Int) -> BatchRecord {
        var record = BatchRecord(
            workload: spec.workload.name, kind: spec.workload.kind, runtime: spec.runtime,
            runtimeVersion: "swift-\(BuildInfo.swiftVersion)", switchIntervalMs: spec.switchIntervalMs,
            scaling: spec.scaling, threads: spec.threads, tasks: spec.tasks, repetition: spec.repetition)
        record.wallSeconds = Clock.seconds(Clock.span(times.firstStart, times.lastJoin))
        record.workSeconds = Clock.seconds(Clock.span(times.gateOpened, times.lastJoin))
        record.cpuUserSeconds = times.usage.userSeconds
        record.cpuSysSeconds = times.usage.systemSeconds
        record.voluntaryContextSwitches = times.usage.voluntarySwitches
        record.involuntaryContextSwitches = times.usage.involuntarySwitches
        BatchAggregation.fold(threads, sampleNames: spec.workload.sampleNames, into: &record)
        BatchAggregation.markTimedOut(timedOut, in: &record, reason:
            "\(timedOut) of \(spec.threads) threads still running after \(spec.timeoutSeconds) s; abandoned")
        return record
    }
}
