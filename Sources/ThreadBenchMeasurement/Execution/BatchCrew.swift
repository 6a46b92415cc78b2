import ThreadBenchModel

/// The threads of one Swift batch and what they share: a worker and a slot per thread,
/// the start gate, and the emulated GIL under `swift-gil`.
struct BatchCrew {
    let spec: BatchSpec
    let workers: [any TaskWorker]
    let slots: [WorkerSlot]
    let gate: StartGate
    let lock: InterpreterLock?

    /// Makes a worker and a slot per thread of `spec`.
    /// - Throws: what the workload's `makeWorker` throws, after closing the workers made before.
    init(_ spec: BatchSpec) throws {
        var workers: [any TaskWorker] = []
        do {
            for index in 0..<spec.threads {
                workers.append(try spec.workload.makeWorker(threadIndex: index, threadCount: spec.threads))
            }
        } catch {
            workers.forEach { $0.close() }
            throw error
        }
        self.spec = spec
        self.workers = workers
        slots = (0..<spec.threads).map { _ in WorkerSlot() }
        gate = StartGate(parties: spec.threads)
        lock = spec.runtime == .swiftGIL
            ? InterpreterLock(switchIntervalNanos: Nanoseconds(spec.switchIntervalMs * 1e6)) : nil
    }

    /// Starts a daemon thread per worker; each waits at the gate until it opens.
    /// - Throws: `ThreadError` when a thread cannot be created, after the threads already
    ///   started were sent home (gate aborted) and joined, or abandoned past the timeout.
    func startThreads() throws -> [BenchThread] {
        var threads: [BenchThread] = []
        threads.reserveCapacity(spec.threads)
        for index in 0..<spec.threads {
            let range = spec.workload.taskRange(threadIndex: index, threadCount: spec.threads, totalTasks: spec.tasks)
            let thread = BenchThread(
                name: "tb-\(spec.workload.name)-\(index)", daemon: true,
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
        return threads
    }

    /// Closes the workers at `indices`, those no thread uses any more.
    func closeWorkers<Indices: Sequence<Int>>(_ indices: Indices) {
        for index in indices { workers[index].close() }
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
            slot.tally.count(outcome)
        }
        context.exit()
        slot.lockWaitNanos = context.lockWaitNanos
    }
}
