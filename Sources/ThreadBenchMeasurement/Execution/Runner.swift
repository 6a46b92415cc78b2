import ThreadBenchModel

/// Why a run stopped early.
public enum RunError: Error, CustomStringConvertible {
    /// A workload's `setUp` failed.
    case setUpFailed(workload: String, reason: String)
    /// A batch could not run (a thread could not be created, a worker could not be made).
    case batchFailed(workload: String, runtime: Runtime, threads: Int, reason: String)
    /// The user interrupted the run.
    case cancelled

    public var description: String {
        switch self {
        case .setUpFailed(let workload, let reason):
            return "\(workload): setup failed: \(reason)"
        case .batchFailed(let workload, let runtime, let threads, let reason):
            return "\(workload) (\(runtime), \(threads) threads): \(reason)"
        case .cancelled:
            return "interrupted"
        }
    }
}

/// Runs a plan in passes: each pass runs one round of every curve still open.
///
/// A curve is a workload under a runtime; a round of it is one batch at each thread count,
/// 1 included (past the pilot and minimum rounds, 1 and the cells still short of their plan), run back to back in one call to the runtime's executor (`executeRound`: for
/// CPython, one interpreter process), and repetition r of every thread count is round r. Pairing
/// the walls of a round cancels drift of the machine slower than a round (`RoundRatios`).
/// How many rounds a curve runs is the `RoundSchedule`'s call: a fixed count, or adaptive
/// rounds within the plan's budget that go to the curves whose speedup intervals are still
/// wider than the plan's precision. Passing over every curve in turn, rather than finishing
/// one curve before the next, spreads slow drift over every curve, tells the schedule every
/// curve's cost after the first pass, and makes a budget too short for the minimum cost every
/// curve the same rounds. A curve's warm-up rounds run just before its first round.
public struct Runner: Sendable {
    /// The plan to run.
    public let plan: RunPlan
    /// Who runs the batches of each runtime; `swift` and `swift-gil` default to `ThreadBatchExecutor`.
    private let executors: [Runtime: any BatchExecuting]
    /// Reads the time in seconds, for the budget and the progress line; any origin.
    private let clock: @Sendable () -> Seconds

    /// Creates a runner for `plan`.
    /// - Parameters:
    ///   - executors: executors by runtime, replacing or adding to the built-in thread
    ///     executor (`cpython` has none built in: pass a `CPythonExecutor`).
    ///   - clock: the time in seconds; the monotonic clock by default (tests pass a fake one).
    public init(plan: RunPlan, executors: [Runtime: any BatchExecuting] = [:],
                clock: @escaping @Sendable () -> Seconds = { Clock.seconds(Clock.nowNanos()) }) {
        self.plan = plan
        var all: [Runtime: any BatchExecuting] = [.swift: ThreadBatchExecutor(), .swiftGIL: ThreadBatchExecutor()]
        all.merge(executors) { $1 }
        self.executors = all
        self.clock = clock
    }

    /// Whether the plan runs `workload` under `runtime`: false when that runtime's executor
    /// cannot run it (a workload with no Python version under `cpython`).
    public func runs(_ workload: any Workload, under runtime: Runtime) -> Bool {
        executors[runtime]?.supports(workload) ?? true
    }

    /// The curves the plan runs, in order: every workload under every runtime that runs it.
    public var curves: [CurveKey] { curves(of: plan.workloads) }

    /// The curves of mixed workloads (`convoy`): their figure is the I/O latency a computing
    /// thread adds, not their speedup, so adaptive rounds would tighten an interval nobody reads.
    private var mixedCurves: Set<CurveKey> { Set(curves(of: plan.workloads.filter { $0.kind == .mixed })) }

    /// The curves of computation: their cells are planned on parallelism, which their verdict rests on.
    private var computingCurves: Set<CurveKey> { Set(curves(of: plan.workloads.filter { PlanningFigure.usesParallelism($0.kind) })) }

    /// Every one of `workloads` under every runtime of the plan that runs it, in order.
    private func curves(of workloads: [any Workload]) -> [CurveKey] {
        workloads.flatMap { workload in
            plan.runtimes.filter { runs(workload, under: $0) }
                .map { CurveKey(workload: workload.name, runtime: $0, scaling: plan.scaling) }
        }
    }

    /// Runs every batch of the plan.
    /// - Parameters:
    ///   - shouldStop: the run's one stop channel (`StopSignal`), polled between batches and
    ///     during each; true ends the run with `RunError.cancelled`, dropping the batch in
    ///     flight. Nil stops on SIGINT or SIGTERM (`StopSignal.interruption`).
    ///   - progress: called before every batch.
    ///   - onRecord: called with every measured (not warm-up) batch as soon as it ends.
    /// - Returns: the schedule at the end: every cell's rounds, interval and why it stopped.
    /// - Throws: `RunError`.
    @discardableResult
    public func run(
        shouldStop: (@Sendable () -> Bool)? = nil,
        progress: (RunProgress) -> Void = { _ in },
        onRecord: (BatchRecord) throws -> Void
    ) throws -> RoundSchedule<CurveKey> {
        var state = RunState(
            stop: shouldStop.map(StopSignal.init) ?? .interruption, started: clock(),
            schedule: RoundSchedule(curves: curves, threadCounts: plan.threadCounts, scaling: plan.scaling,
                                    rules: plan.roundRules, budgetSeconds: plan.budgetSeconds, minimumOnly: mixedCurves,
                                    parallelismCurves: computingCurves))
        var setUp: [any Workload] = []
        defer { for workload in setUp.reversed() { workload.tearDown() } }
        for workload in plan.workloads where !setUp.contains(where: { $0 === workload }) {
            do {
                try workload.setUp()
            } catch {
                workload.tearDown()
                throw RunError.setUpFailed(workload: workload.name, reason: "\(error)")
            }
            setUp.append(workload)
        }
        let pairs = plan.workloads.flatMap { workload in
            plan.runtimes.filter { runs(workload, under: $0) }.map { (workload: workload, runtime: $0) }
        }
        var warmedUp: Set<CurveKey> = []
        var ranARound = true
        while ranARound {
            ranARound = false
            for (workload, runtime) in pairs {
                let curve = CurveKey(workload: workload.name, runtime: runtime, scaling: plan.scaling)
                if warmedUp.insert(curve).inserted {
                    try warmUp(workload, runtime, &state, progress: progress)
                }
                guard state.schedule.nextRound(of: curve, spentSeconds: clock() - state.started) == .run else {
                    continue
                }
                try runRound(workload, runtime, curve, &state, progress: progress, onRecord: onRecord)
                ranARound = true
            }
        }
        return state.schedule
    }

    /// What a run carries from round to round.
    private struct RunState {
        let stop: StopSignal
        let started: Seconds
        var schedule: RoundSchedule<CurveKey>
        var done = 0
    }

    /// Runs a curve's warm-up rounds, whose batches are discarded.
    private func warmUp(_ workload: any Workload, _ runtime: Runtime, _ state: inout RunState,
                        progress: (RunProgress) -> Void) throws {
        for _ in 0..<plan.warmup {
            try runBatches(workload, runtime, plan.threadCounts, repetition: 0, &state, progress: progress) { _ in }
        }
    }

    /// Runs one measured round of a curve and tells the schedule how it went.
    private func runRound(_ workload: any Workload, _ runtime: Runtime, _ curve: CurveKey, _ state: inout RunState,
                          progress: (RunProgress) -> Void, onRecord: (BatchRecord) throws -> Void) throws {
        let round = state.schedule.roundsRun(of: curve) + 1
        let roundStarted = clock()
        var figures: [Int: RoundFigures] = [:]
        // Past the minimum, only 1 thread and the cells still short of their plan run.
        let wanted = Set(state.schedule.threadCounts(forNextRoundOf: curve))
        let counts = plan.roundOrder.arrange(plan.threadCounts.filter(wanted.contains))
        let pilot = state.schedule.nextRoundIsPilot(of: curve)
        try runBatches(workload, runtime, counts, repetition: round, &state, progress: progress) { record in
            var record = record
            record.isPilot = pilot
            // A batch with errors did not do all its work: its wall does not count.
            if record.errors == 0 {
                figures[record.threads] = RoundFigures(wallSeconds: record.wallSeconds, coresBusy: record.coresBusy)
            }
            try onRecord(record)
        }
        state.schedule.record(round: figures, of: curve, roundSeconds: clock() - roundStarted)
    }

    /// Runs a round's batches, one per thread count of `threadCounts` in order, in one call to the runtime's
    /// executor (`BatchExecuting.executeRound`): tells `progress` before each batch, stamps
    /// each record with its work and the plan's precision target, and hands it to `each`.
    private func runBatches(_ workload: any Workload, _ runtime: Runtime, _ threadCounts: [Int], repetition: Int,
                            _ state: inout RunState,
                            progress: (RunProgress) -> Void, each: (BatchRecord) throws -> Void) throws {
        if state.stop.isRequested { throw RunError.cancelled }
        let specs = threadCounts.map { threads in
            BatchSpec(workload: workload, runtime: runtime, threads: threads,
                      tasks: plan.tasks(for: workload, threads: threads), repetition: repetition,
                      scaling: plan.scaling, switchIntervalMs: plan.switchIntervalMs,
                      timeoutSeconds: plan.batchTimeoutSeconds, stop: state.stop)
        }
        guard let first = specs.first else { return }
        func failure(at index: Int, _ reason: String) -> RunError {
            .batchFailed(workload: workload.name, runtime: runtime, threads: specs[min(index, specs.count - 1)].threads,
                         reason: reason)
        }
        guard let executor = executors[runtime] else {
            throw failure(at: 0, "no executor for the \(runtime.rawValue) runtime")
        }
        func tell(_ spec: BatchSpec, done: Int, started: Seconds, schedule: RoundSchedule<CurveKey>) {
            let elapsed = clock() - started
            progress(RunProgress(done: done, workload: workload.name, runtime: runtime, threads: spec.threads,
                                 repetition: repetition, isWarmup: repetition == 0, elapsedSeconds: elapsed,
                                 estimatedSecondsLeft: schedule.estimatedSecondsLeft(spentSeconds: elapsed)))
        }
        tell(first, done: state.done, started: state.started, schedule: state.schedule)
        var received = 0
        var done = state.done
        var handlerError: (any Error)?
        let meter = ActivityMeter()
        do {
            try executor.executeRound(specs) { result in
                guard received < specs.count else { return }
                var record = result
                meter.stamp(&record)
                record.taskWork = workload.taskWork(under: runtime)
                record.precisionTarget = plan.precision
                received += 1
                done += 1
                do {
                    try each(record)
                } catch {
                    handlerError = error
                    throw error
                }
                if received < specs.count {
                    tell(specs[received], done: done, started: state.started, schedule: state.schedule)
                }
            }
        } catch RunError.cancelled where handlerError == nil {
            throw RunError.cancelled
        } catch {
            state.done = done
            if let handlerError { throw handlerError }
            throw failure(at: received, "\(error)")
        }
        state.done = done
        guard received == specs.count else {
            throw failure(at: received, "the executor returned \(received) records for \(specs.count) batches")
        }
    }
}
