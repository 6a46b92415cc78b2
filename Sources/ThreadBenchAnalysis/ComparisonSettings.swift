import ThreadBenchModel
import ThreadBenchStatistics

/// How `compare` judges its rows: the test, the correction for many rows, their error rate,
/// and the threshold band.
public struct ComparisonSettings: Sendable, Equatable {
    public var test: RatioTest
    public var correction: IntervalCorrection
    /// q of the false coverage rate, or alpha of the familywise and unadjusted intervals.
    public var alpha: Double
    /// Half-width of the band of no difference worth having, as a fraction: 0.05 is
    /// [1 / 1.05, 1.05] (criterion's noise threshold, and the run's `no-gain` band).
    public var threshold: Double

    /// The defaults: Welch, false-coverage-rate intervals at q 0.05, a 5% band.
    public static let standard = ComparisonSettings(test: .welch, correction: .fcr, alpha: 0.05, threshold: 0.05)

    /// Creates settings.
    public init(test: RatioTest, correction: IntervalCorrection, alpha: Double, threshold: Double) {
        self.test = test
        self.correction = correction
        self.alpha = alpha
        self.threshold = threshold
    }
}
