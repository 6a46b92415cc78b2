import Foundation

/// Welch's t on the logarithms of two samples: the ratio of their geometric means with an
/// interval, for samples of unequal size and spread.
///
/// With y = ln of the baseline's values (n1, sample variance v1) and z = ln of the other's
/// (n2, v2), the estimate is d = mean z - mean y (so exp(d) is the ratio of the geometric
/// means), its standard error se = sqrt(v1/n1 + v2/n2), and its degrees of freedom the
/// Welch-Satterthwaite df = se^4 / ((v1/n1)^2/(n1-1) + (v2/n2)^2/(n2-1)), fractional in
/// general. The interval at level L is d -+ t(df, (1 + L)/2) * se, exponentiated. It is the
/// two-sample form of `LogInterval`'s rule. With no spread on either side (se = 0) the
/// interval is the point itself, and every shift but d has p 0.
public struct WelchLogRatio: LogShiftTest, Equatable {
    public var logEstimate: Double
    public var standardError: Double
    public var degreesOfFreedom: Double
    /// Values used on each side (positive and finite).
    public var baselineCount: Int
    public var otherCount: Int

    /// Creates the test from its parts.
    public init(logEstimate: Double, standardError: Double, degreesOfFreedom: Double, baselineCount: Int,
                otherCount: Int) {
        self.logEstimate = logEstimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.baselineCount = baselineCount
        self.otherCount = otherCount
    }

    /// Tests `other` against `baseline`; values that are not positive and finite are skipped.
    /// - Returns: nil when a side has fewer than 2 usable values (no spread to estimate).
    public init?(baseline: [Double], other: [Double]) {
        let y = baseline.filter { $0 > 0 && $0.isFinite }.map { Foundation.log($0) }
        let z = other.filter { $0 > 0 && $0.isFinite }.map { Foundation.log($0) }
        guard y.count >= 2, z.count >= 2 else { return nil }
        let n1 = Double(y.count), n2 = Double(z.count)
        let w1 = pow(Statistics.standardDeviation(y), 2) / n1, w2 = pow(Statistics.standardDeviation(z), 2) / n2
        let se = (w1 + w2).squareRoot()
        let denominator = w1 * w1 / (n1 - 1) + w2 * w2 / (n2 - 1)
        let df = denominator > 0 ? pow(w1 + w2, 2) / denominator : n1 + n2 - 2
        self.init(logEstimate: Statistics.mean(z) - Statistics.mean(y), standardError: se, degreesOfFreedom: df,
                  baselineCount: y.count, otherCount: z.count)
    }

    public func pValue(logShift: Double) -> Double {
        let distance = logEstimate - logShift
        guard standardError > 0 else { return distance == 0 ? 1 : 0 }
        return StudentT.twoSidedP(distance / standardError, df: degreesOfFreedom)
    }

    public func logInterval(level: Double) -> (low: Double, high: Double) {
        guard standardError > 0 else { return (logEstimate, logEstimate) }
        guard level < 1 else { return (-.infinity, .infinity) }
        let half = StudentT.quantile(0.5 + level / 2, df: degreesOfFreedom) * standardError
        return (logEstimate - half, logEstimate + half)
    }
}
