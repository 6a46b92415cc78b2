import Foundation
import ThreadBenchStatistics

/// The smallest difference in speedup a machine resolves, from the spread of A/A pairs.
///
/// An A/A pair is two identical batches; the log of their ratio has the spread a round's
/// log speedup (a ratio of two batches) has on this machine. With `sd` that spread and `n`
/// rounds, two runs compared (the same cell on two runs, `compare`) differ by more than
/// noise when their mean log speedups are `t(0.975, n - 1) * sd * sqrt(2 / n)` apart; one
/// cell's own 95% interval (`LogInterval`) has half-width `t(0.975, n - 1) * sd / sqrt(n)`.
/// Both are turned back into ratios: exp(half-width) - 1, a percent of the speedup.
public struct ResolvableDifference: Sendable, Equatable, Codable {
    /// The rounds per run.
    public var rounds: Int
    /// The smallest relative difference between two runs' speedups that is not noise (0.05 = 5%).
    public var betweenRuns: Double
    /// The half-width of one cell's 95% interval on its speedup, relative (0.03 = ±3%).
    public var withinCell: Double

    /// The figures for `rounds` given the sample standard deviation of the pairs' log ratios.
    /// - Parameters:
    ///   - logSD: the standard deviation of log(a / b) over the A/A pairs.
    ///   - rounds: each count of rounds to answer for, at least 2.
    public static func figures(logSD: Double, rounds: [Int]) -> [ResolvableDifference] {
        rounds.filter { $0 >= 2 }.map { n in
            let t = StudentT.quantile(0.975, df: Double(n - 1))
            return ResolvableDifference(rounds: n, betweenRuns: exp(t * logSD * (2 / Double(n)).squareRoot()) - 1,
                                        withinCell: exp(t * logSD / Double(n).squareRoot()) - 1)
        }
    }

    /// The standard deviation of log(first / second) over the pairs; nil for fewer than 3
    /// pairs or a time that is not positive.
    public static func logSD(pairs: [(Double, Double)]) -> Double? {
        guard pairs.count >= 3, pairs.allSatisfy({ $0.0 > 0 && $0.1 > 0 }) else { return nil }
        return Statistics.standardDeviation(pairs.map { log($0.0 / $0.1) })
    }
}
