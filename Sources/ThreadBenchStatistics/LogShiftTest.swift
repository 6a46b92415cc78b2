import Foundation

/// A two-sample test on the log scale that can be inverted into intervals for the ratio
/// other / baseline, and judged against a threshold band around 1.
///
/// A shift delta on the log scale is a ratio exp(delta). `pValue(logShift:)` tests "the true
/// log ratio is delta"; the interval at level 1 - alpha holds the deltas it does not reject.
/// So the interval lies wholly outside or wholly inside the band [-e, e] (e = ln(1 + threshold))
/// exactly when alpha is at least `decisivenessP(threshold:)`: the p-value at the band edge
/// nearest the estimate (at both edges, the larger, when the estimate lies inside the band).
public protocol LogShiftTest: Sendable {
    /// The point estimate of ln(other / baseline).
    var logEstimate: Double { get }
    /// The two-sided p-value of "the true log ratio is `logShift`".
    func pValue(logShift: Double) -> Double
    /// The interval of ln(other / baseline) at `level`; infinite ends when the data cannot reach it.
    func logInterval(level: Double) -> (low: Double, high: Double)
}

extension LogShiftTest {
    /// The two-sided p-value of "no difference" (ratio 1).
    public var pValue: Double { pValue(logShift: 0) }

    /// The smallest alpha at which the level 1 - alpha interval lies wholly above, below or
    /// inside the band of +-`threshold` (a fraction: 0.05 for 5%) around ratio 1.
    public func decisivenessP(threshold: Double) -> Double {
        let edge = log(1 + threshold)
        if logEstimate > edge { return pValue(logShift: edge) }
        if logEstimate < -edge { return pValue(logShift: -edge) }
        return max(pValue(logShift: edge), pValue(logShift: -edge))
    }
}
