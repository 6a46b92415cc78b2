import Foundation

/// The two-sided Mann-Whitney U test: do two sets of repetitions come from the same distribution?
///
/// Follows the textbook definitions and matches scipy.stats.mannwhitneyu (two-sided,
/// method="auto", use_continuity=True): the exact null distribution of U when there are no
/// ties and one sample has at most 8 values; otherwise the normal approximation with the tie
/// correction of the variance and a continuity correction of 0.5.
public struct MannWhitneyU: Sendable, Equatable {
    /// How the p-value was found.
    public enum Method: String, Sendable {
        /// By counting every arrangement of the ranks.
        case exact
        /// From the normal approximation, with tie and continuity corrections.
        case normal
    }

    /// U of the first sample: the number of (a, b) pairs with a > b, ties counting one half.
    public var u: Double
    /// The two-sided p-value.
    public var p: Double
    public var method: Method

    /// Tests `a` against `b`.
    /// - Parameter method: nil chooses as described on the type.
    /// - Returns: nil when a sample is empty.
    public static func test(_ a: [Double], _ b: [Double], method: Method? = nil) -> MannWhitneyU? {
        let n1 = a.count, n2 = b.count
        guard n1 > 0, n2 > 0 else { return nil }
        let (ranks, tieSizes) = averageRanks(a + b)
        let r1 = ranks[0..<n1].reduce(0, +)
        let u1 = r1 - Double(n1 * (n1 + 1)) / 2
        let u2 = Double(n1 * n2) - u1
        let big = max(u1, u2)
        let hasTies = tieSizes.contains { $0 > 1 }
        let chosen = method ?? ((n1 > 8 && n2 > 8) || hasTies ? .normal : .exact)
        let p: Double
        switch chosen {
        case .exact:
            p = 2 * exactUpperTail(Int(big), n1, n2)  // U is whole without ties; truncation as scipy does
        case .normal:
            let n = Double(n1 + n2)
            let tieTerm = tieSizes.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
            let variance = Double(n1 * n2) / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
            let numerator = big - Double(n1 * n2) / 2 - 0.5
            if variance <= 0 {
                p = 1  // every value equal: nothing to tell apart
            } else {
                p = erfc(numerator / variance.squareRoot() / 2.0.squareRoot())
            }
        }
        return MannWhitneyU(u: u1, p: min(max(p, 0), 1), method: chosen)
    }

    /// The smallest two-sided p-value the exact test can give for samples of these sizes:
    /// both samples entirely apart, 2 / C(n1 + n2, n1).
    public static func smallestPossibleP(_ n1: Int, _ n2: Int) -> Double {
        guard n1 > 0, n2 > 0 else { return 1 }
        var combinations = 1.0
        for i in 0..<min(n1, n2) { combinations = combinations * Double(n1 + n2 - i) / Double(i + 1) }
        return min(1, 2 / combinations)
    }

    /// P(U >= u) under the null hypothesis, by counting: the number of ways n1 values can take
    /// rank-sum positions giving U = k follows f(k; m, n) = f(k - n; m - 1, n) + f(k; m, n - 1).
    static func exactUpperTail(_ u: Int, _ n1: Int, _ n2: Int) -> Double {
        let maxU = n1 * n2
        if u <= 0 { return 1 }
        if u > maxU { return 0 }
        // counts[n][k] for the current m, built up from m = 0.
        var previous = Array(repeating: [Double](repeating: 0, count: maxU + 1), count: n2 + 1)
        for n in 0...n2 { previous[n][0] = 1 }
        if n1 > 0 {
            for m in 1...n1 {
                var current = Array(repeating: [Double](repeating: 0, count: maxU + 1), count: n2 + 1)
                current[0][0] = 1
                if n2 > 0 {
                    for n in 1...n2 {
                        for k in 0...(m * n) {
                            let fromFewerM = k >= n ? previous[n][k - n] : 0
                            current[n][k] = fromFewerM + current[n - 1][k]
                        }
                    }
                }
                previous = current
            }
        }
        let counts = previous[n2]
        let total = counts.reduce(0, +)
        return counts[u...].reduce(0, +) / total
    }

    /// Ranks 1...n with ties given their average rank, and the size of every group of ties.
    static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            tieSizes.append(end - start + 1)
            start = end + 1
        }
        return (ranks, tieSizes)
    }
}
