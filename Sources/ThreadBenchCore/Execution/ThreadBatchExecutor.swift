/// Runs a batch on `BenchThread`s, with or without the emulated GIL.
public struct ThreadBatchExecutor: BatchExecuting {
    /// Creates an executor.
    public init() {}

    /// Runs one batch and measures it.
    /// - Throws: `ThreadError.creationFailed` when a thread cannot be created (the threads
    ///   already started are released and joined first), `RunError.cancelled` when
    ///   `spec.stop` asked for a stop during the batch, or what the workload throws.
    public func execute(_ spec: BatchSpec) throws -> BatchRecord {
        let workload = spec.workload
        let lock = spec.runtime == .swiftGIL
            ? InterpreterLock(switchIntervalNanos: Nanoseconds(spec.switchIntervalMs * 1e6)) : nil
        try workload.prepareBatch(threadCount: spec.threads)
        var workers: [any TaskWorker] = []
        defer { workers.forEach { $0.close() } }
        for index in 0..<spec.threads {
            workers.append(try workload.makeWorker(threadIndex: index, threadCount: spec.threads))
        }
        let slots = (0..<spec.threads).map { _ in WorkerSlot() }
        let gate = StartGate(parties: spec.threads)
        var threads: [BenchThread] = []
        threads.reserveCapacity(spec.threads)

        let usageBefore = ResourceUsage.now()
        let firstStart = Clock.nowNanos()
        for index in 0..<spec.threads {
            let range = workload.taskRange(threadIndex: index, threadCount: spec.threads, totalTasks: spec.tasks)
            let thread = BenchThread(
                name: "tb-\(workload.name)-\(index)", daemon: true,
                target: Self.body, args: WorkerArguments(
                    index: index, range: range, worker: workers[index], slot: slots[index], gate: gate, lock: lock,
                    stop: spec.stop))
            do {
                try thread.start()
            } catch {
                gate.abort()
                threads.forEach { if !$0.join(timeout: spec.timeoutSeconds) { $0.abandon() } }
                throw error
            }
            threads.append(thread)
        }
        let deadline = firstStart &+ Nanoseconds(spec.timeoutSeconds * 1e9)
        _ = gate.waitUntilReady(deadlineNanos: deadline)
        let opened = gate.open()

        var timedOut = 0
        var joinedIndices: [Int] = []
        var stopDeadline: Nanoseconds?
        for (index, thread) in threads.enumerated() {
            // Joins in slices, so a stop request is seen within 50 ms; then the threads get a
            // grace period to end their current task, and are abandoned after it.
            var joined = false
            while true {
                if stopDeadline == nil, spec.stop.isRequested {
                    stopDeadline = Clock.nowNanos() &+ Nanoseconds(spec.stopGraceSeconds * 1e9)
                }
                let limit = min(deadline, stopDeadline ?? deadline)
                let now = Clock.nowNanos()
                guard now < limit else { break }
                let slice = stopDeadline == nil ? min(Clock.span(now, limit), 50_000_000) : Clock.span(now, limit)
                if thread.join(timeout: Clock.seconds(slice)) { joined = true; break }
            }
            if joined {
                joinedIndices.append(index)
            } else {
                timedOut += 1
                thread.abandon()
            }
        }
        if stopDeadline != nil || spec.stop.isRequested {
            // Cut short: the tasks not run would make the record lie, so it is dropped.
            if timedOut > 0 { workers = joinedIndices.map { workers[$0] } }
            _ = workload.finishBatch()
            throw RunError.cancelled
        }
        let lastJoin = Clock.nowNanos()
        let usage = ResourceUsage.now().since(usageBefore)
        if timedOut > 0 { workers = joinedIndices.map { workers[$0] } }

        var record = BatchRecord(
            workload: workload.name, kind: workload.kind, runtime: spec.runtime,
            runtimeVersion: "swift-\(BuildInfo.swiftVersion)", switchIntervalMs: spec.switchIntervalMs,
            scaling: spec.scaling, threads: spec.threads, tasks: spec.tasks, repetition: spec.repetition)
        record.wallSeconds = Clock.seconds(Clock.span(firstStart, lastJoin))
        record.workSeconds = Clock.seconds(Clock.span(opened, lastJoin))
        record.cpuUserSeconds = usage.userSeconds
        record.cpuSysSeconds = usage.systemSeconds
        record.voluntaryContextSwitches = usage.voluntarySwitches
        record.involuntaryContextSwitches = usage.involuntarySwitches
        let figures = joinedIndices.map { slots[$0].figures(timing: threads[$0].timing) }
        BatchAggregation.fold(figures, sampleNames: workload.sampleNames, into: &record)
        BatchAggregation.markTimedOut(timedOut, in: &record, reason:
            "\(timedOut) of \(spec.threads) threads still running after \(spec.timeoutSeconds) s; abandoned")
        for (column, value) in workload.finishBatch() { record.metrics[column] = value }
        return record
    }

    /// What each worker thread is started with: the lesson's `args=(...)`.
    struct WorkerArguments: @unchecked Sendable {
        let index: Int
        let range: Range<Int>
        let worker: any TaskWorker
        let slot: WorkerSlot
        let gate: StartGate
        let lock: InterpreterLock?
        let stop: StopSignal
    }

    /// The target of every worker thread: wait at the gate, then run the thread's tasks.
    @Sendable
    static func body(_ arguments: WorkerArguments) {
        guard arguments.gate.arriveAndWait() == .go else { return }
        let slot = arguments.slot
        let context = TaskContext(lock: arguments.lock, threadIndex: arguments.index)
        context.enter()
        slot.taskNanos.reserveCapacity(arguments.range.count)
        for task in arguments.range {
            if arguments.stop.isRequested { break }
            let begin = Clock.nowNanos()
            let outcome = arguments.worker.run(task: task, context: context)
            slot.taskNanos.append(Clock.span(begin, Clock.nowNanos()))
            slot.ops += outcome.ops
            slot.bytes += outcome.bytes
            if let error = outcome.error {
                slot.errors += 1
                if slot.firstError == nil { slot.firstError = error }
            }
            for (name, value) in outcome.samplesMs { slot.samples[name, default: []].append(value) }
        }
        context.exit()
        slot.lockWaitNanos = context.lockWaitNanos
    }
}
