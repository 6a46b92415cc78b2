import ThreadBenchModel

/// Where the runner is, for a progress line.
public struct RunProgress: Sendable {
    /// Batches run so far, warm-up included.
    public var done: Int
    public var workload: String
    public var runtime: Runtime
    public var threads: Int
    /// The round (repetition) this batch belongs to; 0 for warm-up.
    public var repetition: Int
    public var isWarmup: Bool
    /// Seconds since the first batch started.
    public var elapsedSeconds: Seconds
    /// The schedule's estimate of the seconds still to run (`RoundSchedule.estimatedSecondsLeft`);
    /// nil until a round has been measured.
    public var estimatedSecondsLeft: Seconds?
}
