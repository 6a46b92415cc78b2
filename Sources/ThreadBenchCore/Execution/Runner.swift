/// Where the runner is, for a progress line.
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var workload: String
    public var runtime: Runtime
    public var threads: Int
    public var repetition: Int
    public var isWarmup: Bool
}

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

/// Runs a plan: for each workload and runtime, warm-up batches, then repetitions.
///
/// Repetitions are interleaved across thread counts (1, 2, 4, ... then again), so that
/// slow drifts of the machine spread over every thread count instead of biasing one.
public struct Runner: Sendable {
    /// The plan to run.
    public let plan: RunPlan
    /// Who runs the batches of each runtime; `swift` and `swift-gil` default to `ThreadBatchExecutor`.
    private let executors: [Runtime: any BatchExecuting]

    /// Creates a runner for `plan`.
    /// - Parameter executors: executors by runtime, replacing or adding to the built-in thread
    ///   executor (`cpython` has none built in: pass a `CPythonExecutor`).
    public init(plan: RunPlan, executors: [Runtime: any BatchExecuting] = [:]) {
        self.plan = plan
        var all: [Runtime: any BatchExecuting] = [.swift: ThreadBatchExecutor(), .swiftGIL: ThreadBatchExecutor()]
        all.merge(executors) { $1 }
        self.executors = all
    }

    /// Whether the plan runs `workload` under `runtime`: false when that runtime's executor
    /// cannot run it (a workload with no Python version under `cpython`).
    public func runs(_ workload: any Workload, under runtime: Runtime) -> Bool {
        executors[runtime]?.supports(workload) ?? true
    }

    /// Runs every batch of the plan.
    /// - Parameters:
    ///   - shouldStop: the run's one stop channel (`StopSignal`), polled between batches and
    ///     during each; true ends the run with `RunError.cancelled`, dropping the batch in
    ///     flight. Nil stops on SIGINT or SIGTERM (`StopSignal.interruption`).
    ///   - progress: called before every batch.
    ///   - onRecord: called with every measured (not warm-up) batch as soon as it ends.
    /// - Throws: `RunError`.
    public func run(
        shouldStop: (@Sendable () -> Bool)? = nil,
        progress: (RunProgress) -> Void = { _ in },
        onRecord: (BatchRecord) throws -> Void
    ) throws {
        let stop = shouldStop.map(StopSignal.init) ?? .interruption
        var done = 0
        let perPair = plan.threadCounts.count * (plan.warmup + max(1, plan.repetitions))
        let total = plan.workloads.reduce(0) { sum, workload in
            sum + plan.runtimes.filter { runs(workload, under: $0) }.count * perPair
        }
        for workload in plan.workloads {
            do {
                try workload.setUp()
            } catch {
                workload.tearDown()
                throw RunError.setUpFailed(workload: workload.name, reason: "\(error)")
            }
            defer { workload.tearDown() }
            for runtime in plan.runtimes where runs(workload, under: runtime) {
                let rounds = [(0, true)] + (1...max(1, plan.repetitions)).map { ($0, false) }
                for (repetition, isWarmup) in rounds {
                    let passes = isWarmup ? plan.warmup : 1
                    for _ in 0..<passes {
                        for threads in plan.threadCounts {
                            if stop.isRequested { throw RunError.cancelled }
                            progress(RunProgress(done: done, total: total, workload: workload.name,
                                                 runtime: runtime, threads: threads,
                                                 repetition: repetition, isWarmup: isWarmup))
                            let record = try runBatch(workload, runtime, threads, repetition, stop)
                            done += 1
                            if !isWarmup { try onRecord(record) }
                        }
                    }
                }
            }
        }
    }

    private func runBatch(_ workload: any Workload, _ runtime: Runtime, _ threads: Int,
                          _ repetition: Int, _ stop: StopSignal) throws -> BatchRecord {
        let spec = BatchSpec(
            workload: workload, runtime: runtime, threads: threads,
            tasks: plan.tasks(for: workload, threads: threads), repetition: repetition,
            scaling: plan.scaling, switchIntervalMs: plan.switchIntervalMs,
            timeoutSeconds: plan.batchTimeoutSeconds, stop: stop)
        guard let executor = executors[runtime] else {
            throw RunError.batchFailed(workload: workload.name, runtime: runtime, threads: threads,
                                       reason: "no executor for the \(runtime.rawValue) runtime")
        }
        do {
            return try executor.execute(spec)
        } catch RunError.cancelled {
            throw RunError.cancelled
        } catch {
            throw RunError.batchFailed(workload: workload.name, runtime: runtime, threads: threads,
                                       reason: "\(error)")
        }
    }
}
