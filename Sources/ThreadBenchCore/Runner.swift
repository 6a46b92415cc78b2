/// Where the runner is, for a progress line.
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var workload: String
    public var runtime: String
    public var threads: Int
    public var repetition: Int
    public var isWarmup: Bool
}

/// Why a run stopped early.
public enum RunError: Error, CustomStringConvertible {
    /// A workload's `setUp` failed.
    case setUpFailed(workload: String, reason: String)
    /// A batch could not run (a thread could not be created, a worker could not be made).
    case batchFailed(workload: String, runtime: String, threads: Int, reason: String)
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
    private let executor = ThreadBatchExecutor()

    /// Creates a runner for `plan`.
    public init(plan: RunPlan) { self.plan = plan }

    /// Runs every batch of the plan.
    /// - Parameters:
    ///   - shouldStop: polled between batches; true ends the run with `RunError.cancelled`. A
    ///     SIGINT or SIGTERM (`Interruption`) also cuts the batch in flight short, which is dropped.
    ///   - progress: called before every batch.
    ///   - onRecord: called with every measured (not warm-up) batch as soon as it ends.
    /// - Throws: `RunError`.
    public func run(
        shouldStop: () -> Bool = { false },
        progress: (RunProgress) -> Void = { _ in },
        onRecord: (BatchRecord) throws -> Void
    ) throws {
        var done = 0
        for workload in plan.workloads {
            do {
                try workload.setUp()
            } catch {
                workload.tearDown()
                throw RunError.setUpFailed(workload: workload.name, reason: "\(error)")
            }
            defer { workload.tearDown() }
            for runtime in plan.runtimes {
                let rounds = [(0, true)] + (1...max(1, plan.repetitions)).map { ($0, false) }
                for (repetition, isWarmup) in rounds {
                    let passes = isWarmup ? plan.warmup : 1
                    for _ in 0..<passes {
                        for threads in plan.threadCounts {
                            if shouldStop() { throw RunError.cancelled }
                            progress(RunProgress(done: done, total: plan.totalBatches, workload: workload.name,
                                                 runtime: runtime.rawValue, threads: threads,
                                                 repetition: repetition, isWarmup: isWarmup))
                            let record = try runBatch(workload, runtime, threads, repetition)
                            done += 1
                            if !isWarmup { try onRecord(record) }
                        }
                    }
                }
            }
        }
    }

    private func runBatch(_ workload: any Workload, _ runtime: Runtime, _ threads: Int,
                          _ repetition: Int) throws -> BatchRecord {
        let spec = BatchSpec(
            workload: workload, runtime: runtime, threads: threads,
            tasks: plan.tasks(for: workload, threads: threads), repetition: repetition,
            scaling: plan.scaling, switchIntervalMs: plan.switchIntervalMs,
            timeoutSeconds: plan.batchTimeoutSeconds)
        do {
            return try executor.execute(spec)
        } catch RunError.cancelled {
            throw RunError.cancelled
        } catch {
            throw RunError.batchFailed(workload: workload.name, runtime: runtime.rawValue, threads: threads,
                                       reason: "\(error)")
        }
    }
}
