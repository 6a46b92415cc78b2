import ThreadBenchStatistics

/// One row of the summary: a workload under a runtime at one thread count, over its repetitions.
public struct SummaryRow: Sendable, Equatable {
    /// Which cell: its workload, runtime, threads, tasks and task work (read through `BatchIdentity`).
    public var setup: BatchSetup
    /// Successful batches, the ones every figure below comes from.
    public var repetitions: Int = 0
    /// Batches left out of the figures because they failed or timed out (`BatchRecord.failed`).
    public var failedBatches: Int = 0
    /// Repetitions whose wall time is an outlier (modified Z-score above 3.5).
    public var outliers: Int = 0
    public var wallMedianSeconds: Seconds = 0
    public var wallMinSeconds: Seconds = 0
    public var wallMaxSeconds: Seconds = 0
    public var wallStddevSeconds: Seconds = 0
    public var wallCI95LowSeconds: Seconds = 0
    public var wallCI95HighSeconds: Seconds = 0
    /// wall(1) / wall(N) under strong scaling; N * wall(1) / wall(N) under weak scaling.
    public var speedup: Double = 0
    public var speedupCI95Low: Double = 0
    public var speedupCI95High: Double = 0
    /// Speedup divided by the thread count.
    public var efficiency: Double = 0
    /// Karp-Flatt experimentally determined serial fraction; nil at 1 thread, when the speedup
    /// is above N (superlinear), and past the usable CPUs for computation (`notes` says which).
    public var karpFlatt: Double?
    /// The best speedup this workload could reach here: N for waits, min(N, usable CPUs) for
    /// computation, 1 for computation under a GIL.
    public var idealSpeedup: Double = 0
    public var verdict: Verdict
    /// False when the speedup has fewer than 2 measured rounds, so no interval.
    public var intervalIsNominal95: Bool = true
    /// Why a figure is missing or a verdict is what it is, one short phrase each.
    public var notes: [SummaryNote] = []
    public var gilWaitMedianSeconds: Seconds = 0
    public var taskP50MedianMillis: Double = 0
    /// Failed tasks and timed-out threads over every batch, failed ones included (a timed-out
    /// thread counts here as well as in `timedOut`).
    public var errors: Int = 0
    /// Threads that outlived the batch timeout, over every batch.
    public var timedOut: Int = 0
    /// The median over the repetitions of each workload-specific figure (`BatchRecord.metrics`).
    public var metricMedians: [String: Double] = [:]
    /// median(1-thread walls) / median(N-thread walls) with its bootstrap interval, the rounds
    /// resampled independently: the estimate the paired `speedup` replaces, kept for comparison.
    public var speedupUnpaired: Double = 0
    public var speedupUnpairedCI95Low: Double = 0
    public var speedupUnpairedCI95High: Double = 0
    /// Rounds with both the 1-thread and the N-thread wall measured: what the paired speedup
    /// rests on (at 1 thread, the repetitions).
    public var rounds: Int = 0
    /// Half the speedup interval's width in percent of the speedup; nil at 1 thread.
    public var speedupHalfWidthPct: Double?
    /// Whether the measured rounds meet the run's precision for the pilot's spread (`CellPlan`);
    /// nil at 1 thread, without a pilot, or when the target is not known (a version-1 file).
    public var precisionMet: Bool?
    /// Cores busy at N over cores busy at 1 per measured round, with its interval; nil where
    /// the workers' CPU is unknown.
    public var parallelism: LogInterval?
    /// Speedup over parallelism per measured round (CPU at 1 thread over CPU at N), with its interval.
    public var cpuEfficiency: LogInterval?
    /// The workers' CPU over the wall, geometric mean over the measured batches.
    public var coresBusy: Double?
    /// Pilot rounds behind the plan (they measure nothing).
    public var pilotRounds: Int = 0

    /// A row of `setup` with the given verdict and every figure 0, empty or nil, for the
    /// summarizer to fill in.
    package init(setup: BatchSetup, verdict: Verdict) {
        self.setup = setup
        self.verdict = verdict
    }
}
