import Foundation

/// A geometric mean of positive values with a Student-t interval on their logarithms.
///
/// ThreadBench's one interval rule, used for every interval the summary and `compare` show.
/// For values x_1..x_n > 0 (per-round speedups, per-round parallelism, walls), take
/// y_i = ln x_i; the estimate is exp(mean y) and the interval is
/// exp(mean y -+ t(n-1, 1 - alpha/2) * sd(y) / sqrt(n)).
///
/// Why this one: ratios of times are multiplicative, so their logs are near-symmetric, and a
/// t-interval on a near-symmetric mean keeps its coverage at 5 values where a percentile
/// bootstrap of the median does not (at 5 values the bootstrap interval is [min, max], 93.75%;
/// at 7, 87.5%). Tests/ThreadBenchCoreTests/IntervalCoverageTests.swift proves the coverage by
/// seeded simulation. Exp of the mean log is the median of a lognormal, so the estimate is
/// directly comparable with the medians earlier versions reported.
public struct LogInterval: Sendable, Equatable {
    /// exp(mean of the logs): the geometric mean.
    public var estimate: Double
    public var low: Double
    public var high: Double
    /// Values used (positive and finite).
    public var count: Int
    /// The sample standard deviation of the logs; 0 for one value.
    public var logStandardDeviation: Double

    /// The confidence level of every interval ThreadBench prints.
    public static let level = 0.95

    /// Creates an interval from its parts.
    public init(estimate: Double, low: Double, high: Double, count: Int, logStandardDeviation: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
        self.count = count
        self.logStandardDeviation = logStandardDeviation
    }

    /// The interval of `values`; values that are not positive and finite are skipped.
    ///
    /// - Returns: nil for no usable value; for one value, the value with a degenerate interval
    ///   at it (no spread can be estimated: callers treat `count < 2` as no interval).
    public init?(_ values: [Double], level: Double = LogInterval.level) {
        let logs = values.filter { $0 > 0 && $0.isFinite }.map { Foundation.log($0) }
        guard !logs.isEmpty else { return nil }
        let mean = Statistics.mean(logs)
        let sd = Statistics.standardDeviation(logs)
        let half = logs.count > 1 ? Self.halfWidth(logStandardDeviation: sd, rounds: logs.count, level: level) : 0
        self.init(estimate: exp(mean), low: exp(mean - half), high: exp(mean + half), count: logs.count,
                  logStandardDeviation: sd)
    }

    /// The log-scale half-width of the interval of `rounds` values with spread `sd`:
    /// t(rounds - 1) * sd / sqrt(rounds), for `rounds` >= 2.
    public static func halfWidth(logStandardDeviation sd: Double, rounds: Int, level: Double = LogInterval.level) -> Double {
        tQuantile(level: level, df: rounds - 1) * sd / Double(rounds).squareRoot()
    }

    /// t(df) at 0.5 + level / 2, from a table computed once for the default level and df up to 400.
    static func tQuantile(level: Double, df: Int) -> Double {
        if level == Self.level, df >= 1, df <= quantiles95.count { return quantiles95[df - 1] }
        return StudentT.quantile(0.5 + level / 2, df: Double(df))
    }

    /// t(df) at 0.975 for df = 1...400.
    private static let quantiles95: [Double] = (1...400).map { StudentT.quantile(0.975, df: Double($0)) }

    /// Half the interval's width over the estimate: 0.03 means +-3%; infinity without a spread.
    public var relativeHalfWidth: Double {
        count > 1 && estimate > 0 ? (high - low) / 2 / estimate : .infinity
    }

    /// This interval with every figure multiplied by `factor` (weak scaling's N).
    public func scaled(by factor: Double) -> LogInterval {
        LogInterval(estimate: estimate * factor, low: low * factor, high: high * factor, count: count,
                    logStandardDeviation: logStandardDeviation)
    }

    /// The rounds that give a log-scale half-width at most `ln(1 + precision)` for a spread of
    /// `logStandardDeviation`: the smallest n >= `minimum` with t(n-1) * sd / sqrt(n) <= that,
    /// or nil when even `maximum` rounds do not.
    public static func roundsNeeded(logStandardDeviation sd: Double, precision: Double, minimum: Int,
                                    maximum: Int, level: Double = LogInterval.level) -> Int? {
        let target = Foundation.log(1 + precision)
        guard minimum >= 2, maximum >= minimum else { return nil }
        for n in minimum...maximum {
            if halfWidth(logStandardDeviation: sd, rounds: n, level: level) <= target { return n }
        }
        return nil
    }
}
