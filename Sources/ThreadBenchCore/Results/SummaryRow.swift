/// One row of the summary: a workload under a runtime at one thread count, over its repetitions.
public struct SummaryRow: Sendable, Equatable {
    public var workload: String
    public var kind: WorkloadKind
    public var runtime: Runtime
    public var runtimeVersion: String
    public var switchIntervalMs: Double
    public var scaling: Scaling
    public var threads: Int
    public var tasks: Int
    public var repetitions: Int
    /// Repetitions whose wall time is an outlier (modified Z-score above 3.5).
    public var outliers: Int = 0
    public var wallMedianSeconds: Seconds
    public var wallMinSeconds: Seconds
    public var wallMaxSeconds: Seconds
    public var wallStddevSeconds: Seconds
    public var wallCI95LowSeconds: Seconds
    public var wallCI95HighSeconds: Seconds
    /// wall(1) / wall(N) under strong scaling; N * wall(1) / wall(N) under weak scaling.
    public var speedup: Double
    public var speedupCI95Low: Double
    public var speedupCI95High: Double
    /// Speedup divided by the thread count.
    public var efficiency: Double
    /// Karp-Flatt experimentally determined serial fraction; nil at 1 thread.
    public var karpFlatt: Double?
    /// The best speedup this workload could reach here: N for waits, min(N, cores) for
    /// computation, 1 for computation under a GIL.
    public var idealSpeedup: Double
    public var verdict: Verdict
    public var gilWaitMedianSeconds: Seconds
    public var taskP50MedianMillis: Double
    public var errors: Int
    public var timedOut: Int
    /// The median over the repetitions of each workload-specific figure (`BatchRecord.metrics`).
    public var metricMedians: [String: Double] = [:]
}
