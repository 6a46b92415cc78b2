import Foundation
import ThreadBenchModel
import ThreadBenchStatistics

/// One row's ratio (other / baseline) with its adjusted interval, and where it lies against
/// the threshold band.
public struct RatioJudgement: Sendable {
    /// The test's estimate: the ratio of geometric means under Welch, Hodges-Lehmann's under U.
    public var ratio: Double
    public var low: Double
    public var high: Double
    /// The interval's confidence level after the correction for many rows.
    public var level: Double
    /// The two-sided p-value of ratio 1, unadjusted.
    public var p: Double
    /// The p-value at the band edge nearest the estimate (`LogShiftTest.decisivenessP`).
    public var decisivenessP: Double
    public var position: BandPosition
    /// The smallest change this row could call, in percent: a ratio of 1 + this / 100 (or its
    /// inverse) would put an interval of this row's width wholly outside the band. Infinite
    /// when the interval is unbounded.
    public var resolvablePercent: Double

    /// Judges a family of rows together: one level for all, from the settings' correction.
    /// - Parameter tests: one per row; nil for a row with too few rounds (it gets no judgement
    ///   and is not counted among the rows).
    public static func judge(_ tests: [(any LogShiftTest)?], settings: ComparisonSettings) -> [RatioJudgement?] {
        let decisive = tests.map { $0?.decisivenessP(threshold: settings.threshold) ?? .nan }
        let level = settings.correction.level(decisivenessP: decisive, q: settings.alpha)
        let edge = log(1 + settings.threshold)
        return zip(tests, decisive).map { test, pDecisive in
            guard let test else { return nil }
            let interval = test.logInterval(level: level)
            let low = exp(interval.low), high = exp(interval.high)
            let half = (interval.high - interval.low) / 2
            return RatioJudgement(ratio: exp(test.logEstimate), low: low, high: high, level: level, p: test.pValue,
                                  decisivenessP: pDecisive,
                                  position: BandPosition.classify(low: low, high: high, threshold: settings.threshold),
                                  resolvablePercent: (exp(edge + half) - 1) * 100)
        }
    }
}
