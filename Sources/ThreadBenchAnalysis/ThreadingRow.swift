import ThreadBenchModel
import ThreadBenchStatistics

/// One figure of threading (speedup or parallelism) of one curve at one thread count above 1,
/// in the baseline and in another run, with the ratio other / baseline judged like the wall rows.
public struct ThreadingRow: Sendable {
    public var curve: CurveKey
    public var threads: Int
    /// Index in the report's runs of the run compared with the baseline.
    public var otherIndex: Int
    public var figure: ThreadingFigure
    /// Per-round values (`RoundRatios`) in each run; empty where the run cannot give them
    /// (parallelism from a file without thread CPU times).
    public var baselineValues: [Double]
    public var otherValues: [Double]
    /// The values' geometric means with their own 95% intervals; nil for no values.
    public var baseline: LogInterval?
    public var other: LogInterval?
    /// The ratio other / baseline with its adjusted interval; nil when a side has fewer than 2 values.
    public var judgement: RatioJudgement?

    /// Where the ratio's interval lies against the band: above means the figure is higher in the other run.
    public var position: BandPosition? { judgement?.position }
}
