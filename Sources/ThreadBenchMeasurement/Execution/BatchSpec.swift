import ThreadBenchModel

/// One batch to run: a workload under a runtime with a thread count.
public struct BatchSpec: Sendable {
    public var workload: any Workload
    public var runtime: Runtime
    public var threads: Int
    public var tasks: Int
    public var repetition: Int
    public var scaling: Scaling
    public var switchIntervalMs: Double
    public var timeoutSeconds: Seconds
    /// Polled while the batch runs: a stop cuts it short (`RunError.cancelled`). The runner
    /// passes its own; by default, whether SIGINT or SIGTERM arrived.
    public var stop: StopSignal = .interruption
    /// How long a stopped batch's threads get to finish their current task before they
    /// are abandoned (daemon threads), in seconds.
    public var stopGraceSeconds: Seconds = 2
}

extension BatchSpec {
    /// Creates a spec; the stop signal and grace keep their defaults.
    package init(workload: any Workload, runtime: Runtime, threads: Int, tasks: Int, repetition: Int,
                 scaling: Scaling, switchIntervalMs: Double, timeoutSeconds: Seconds) {
        (self.workload, self.runtime, self.threads, self.tasks) = (workload, runtime, threads, tasks)
        (self.repetition, self.scaling, self.switchIntervalMs, self.timeoutSeconds) = (repetition, scaling, switchIntervalMs, timeoutSeconds)
    }
}
