import ThreadBenchModel

/// Everything the runner needs to know to run a suite.
public struct RunPlan: Sendable {
    /// The workloads, run in this order.
    public var workloads: [any Workload]
    /// The runtimes each workload runs under.
    public var runtimes: [Runtime]
    /// Thread counts, ascending; 1 is added when missing, as every speedup is against it.
    public var threadCounts: [Int]
    /// Rounds per curve when fixed (`--repetitions`): exactly that many, whatever the precision
    /// or the budget; nil: adaptive rounds (`RoundRules.adaptive`) within `budgetSeconds`.
    public var repetitions: Int?
    /// The target half-width of every cell's speedup interval, relative to the speedup:
    /// 0.03 is ±3%. Adaptive rounds run until it is met; fixed ones only report it.
    public var precision: Double
    /// The whole run's time budget in seconds, which adaptive rounds fit into; infinity for none.
    public var budgetSeconds: Seconds
    /// Discarded rounds before the measured ones, per workload x runtime.
    public var warmup: Int
    /// Total tasks (strong) or tasks per thread (weak); nil takes each workload's default.
    public var tasks: Int?
    /// Strong or weak scaling.
    public var scaling: Scaling
    /// The emulated GIL's switch interval in milliseconds.
    public var switchIntervalMs: Double
    /// The longest a batch may run before its threads are reported as timed out, in seconds.
    public var batchTimeoutSeconds: Seconds
    /// The order of a round's batches.
    public var roundOrder: RoundOrder = .ascending

    /// Creates a plan.
    /// - Parameter repetitions: a fixed count of rounds per curve; nil for adaptive rounds.
    public init(
        workloads: [any Workload], runtimes: [Runtime], threadCounts: [Int], repetitions: Int?,
        warmup: Int, tasks: Int?, scaling: Scaling, switchIntervalMs: Double, batchTimeoutSeconds: Seconds,
        precision: Double = 0.03, budgetSeconds: Seconds = .infinity
    ) {
        self.workloads = workloads
        self.runtimes = runtimes
        self.threadCounts = Array(Set(threadCounts + [1])).sorted()
        self.repetitions = repetitions
        self.precision = precision
        self.budgetSeconds = budgetSeconds
        self.warmup = warmup
        self.tasks = tasks
        self.scaling = scaling
        self.switchIntervalMs = switchIntervalMs
        self.batchTimeoutSeconds = batchTimeoutSeconds
    }

    /// How many rounds each curve runs: `repetitions` when set, otherwise adaptive rounds
    /// (at least 5, more only for cells wider than `precision`).
    public var roundRules: RoundRules {
        if let repetitions { return .fixed(repetitions, precision: precision, warmupRounds: warmup) }
        return .adaptive(precision: precision, warmupRounds: warmup)
    }

    /// The tasks a batch of `workload` runs with `threads` threads.
    ///
    /// Strong scaling keeps the total fixed for every thread count; when `--tasks` is not
    /// given it is the workload's default, raised to the largest thread count so that no
    /// thread is idle. Weak scaling gives every thread the same share.
    public func tasks(for workload: any Workload, threads: Int) -> Int {
        switch scaling {
        case .strong:
            return tasks ?? max(workload.defaultTasks, threadCounts.max() ?? 1)
        case .weak:
            let perThread = tasks ?? max(1, workload.defaultTasks / 16)
            return perThread * threads
        }
    }
}
