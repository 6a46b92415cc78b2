/// Everything the runner needs to know to run a suite.
public struct RunPlan: Sendable {
    /// The workloads, run in this order.
    public var workloads: [any Workload]
    /// The runtimes each workload runs under.
    public var runtimes: [Runtime]
    /// Thread counts, ascending; 1 is added when missing, as every speedup is against it.
    public var threadCounts: [Int]
    /// Measured batches per workload x runtime x thread count.
    public var repetitions: Int
    /// Discarded batches before the measured ones, per workload x runtime x thread count.
    public var warmup: Int
    /// Total tasks (strong) or tasks per thread (weak); nil takes each workload's default.
    public var tasks: Int?
    /// Strong or weak scaling.
    public var scaling: Scaling
    /// The emulated GIL's switch interval in milliseconds.
    public var switchIntervalMs: Double
    /// The longest a batch may run before its threads are reported as timed out, in seconds.
    public var batchTimeoutSeconds: Seconds

    /// Creates a plan.
    public init(
        workloads: [any Workload], runtimes: [Runtime], threadCounts: [Int], repetitions: Int,
        warmup: Int, tasks: Int?, scaling: Scaling, switchIntervalMs: Double, batchTimeoutSeconds: Seconds
    ) {
        self.workloads = workloads
        self.runtimes = runtimes
        self.threadCounts = Array(Set(threadCounts + [1])).sorted()
        self.repetitions = repetitions
        self.warmup = warmup
        self.tasks = tasks
        self.scaling = scaling
        self.switchIntervalMs = switchIntervalMs
        self.batchTimeoutSeconds = batchTimeoutSeconds
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
