import ThreadBenchStatistics

/// One row of the summary: a workload under a runtime at one thread count, over its repetitions.
public struct SummaryRow: Sendable, Equatable {
    /// Which cell: its workload, runtime, threads, tasks and task work (read through `BatchIdentity`).
    public var setup: BatchSetup
    /// Successful batches, the ones every figure below comes from.
    public var repetitions: Int
    /// Batches left out of the figures because they failed or timed out (`BatchRecord.failed`).
    public var failedBatches: Int = 0
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
    /// Karp-Flatt experimentally determined serial fraction; nil at 1 thread, when the speedup
    /// is above N (superlinear), and past the usable CPUs for computation (`notes` says which).
    public var karpFlatt: Double?
    /// The best speedup this workload could reach here: N for waits, min(N, usable CPUs) for
    /// computation, 1 for computation under a GIL.
    public var idealSpeedup: Double
    public var verdict: Verdict
    /// False when the speedup has fewer than 2 measured rounds, so no interval.
    public var intervalIsNominal95: Bool = true
    /// Why a figure is missing or a verdict is what it is, one short phrase each.
    public var notes: [SummaryNote] = []
    public var gilWaitMedianSeconds: Seconds
    public var taskP50MedianMillis: Double
    /// Failed tasks and timed-out threads over every batch, failed ones included (a timed-out
    /// thread counts here as well as in `timedOut`).
    public var errors: Int
    /// Threads that outlived the batch timeout, over every batch.
    public var timedOut: Int
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

    /// A row from its figures, as the summarizer computes them.
    package init(setup: BatchSetup, repetitions: Int,
                 failedBatches: Int = 0, outliers: Int = 0, wallMedianSeconds: Seconds,
                 wallMinSeconds: Seconds, wallMaxSeconds: Seconds, wallStddevSeconds: Seconds,
                 wallCI95LowSeconds: Seconds, wallCI95HighSeconds: Seconds, speedup: Double,
                 speedupCI95Low: Double, speedupCI95High: Double, efficiency: Double, karpFlatt: Double? = nil,
                 idealSpeedup: Double, verdict: Verdict, intervalIsNominal95: Bool = true,
                 notes: [SummaryNote] = [], gilWaitMedianSeconds: Seconds, taskP50MedianMillis: Double, errors: Int,
                 timedOut: Int, metricMedians: [String: Double] = [:],
                 speedupUnpaired: Double = 0, speedupUnpairedCI95Low: Double = 0,
                 speedupUnpairedCI95High: Double = 0, rounds: Int = 0, speedupHalfWidthPct: Double? = nil,
                 precisionMet: Bool? = nil) {
        self.setup = setup
        self.repetitions = repetitions
        self.failedBatches = failedBatches
        self.outliers = outliers
        self.wallMedianSeconds = wallMedianSeconds
        self.wallMinSeconds = wallMinSeconds
        self.wallMaxSeconds = wallMaxSeconds
        self.wallStddevSeconds = wallStddevSeconds
        self.wallCI95LowSeconds = wallCI95LowSeconds
        self.wallCI95HighSeconds = wallCI95HighSeconds
        self.speedup = speedup
        self.speedupCI95Low = speedupCI95Low
        self.speedupCI95High = speedupCI95High
        self.efficiency = efficiency
        self.karpFlatt = karpFlatt
        self.idealSpeedup = idealSpeedup
        self.verdict = verdict
        self.intervalIsNominal95 = intervalIsNominal95
        self.notes = notes
        self.gilWaitMedianSeconds = gilWaitMedianSeconds
        self.taskP50MedianMillis = taskP50MedianMillis
        self.errors = errors
        self.timedOut = timedOut
        self.metricMedians = metricMedians
        self.speedupUnpaired = speedupUnpaired
        self.speedupUnpairedCI95Low = speedupUnpairedCI95Low
        self.speedupUnpairedCI95High = speedupUnpairedCI95High
        self.rounds = rounds
        self.speedupHalfWidthPct = speedupHalfWidthPct
        self.precisionMet = precisionMet
    }
}
