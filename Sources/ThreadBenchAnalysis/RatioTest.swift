import ThreadBenchModel
import ThreadBenchStatistics

/// The two-sample test `compare` builds each row's interval from.
public enum RatioTest: String, Sendable, CaseIterable {
    /// Welch's t on the log values: the ratio of geometric means (the default; power at 5 rounds).
    case welch
    /// The Mann-Whitney U test of a log shift, with the Hodges-Lehmann ratio and Moses' interval.
    case mannWhitney = "mann-whitney"

    /// The test of `other` against `baseline`; nil when a side has fewer than 2 usable values.
    public func test(baseline: [Double], other: [Double]) -> (any LogShiftTest)? {
        switch self {
        case .welch: WelchLogRatio(baseline: baseline, other: other)
        case .mannWhitney: ShiftedMannWhitney(baseline: baseline, other: other)
        }
    }
}
