import Foundation

/// The two-sided Mann-Whitney U test: do two sets of repetitions come from the same distribution?
///
/// Follows the textbook definitions and matches scipy.stats.mannwhitneyu (two-sided,
/// method="auto", use_continuity=True). Its "auto" rule: the exact null distribution of U
/// when there are no ties and the smaller sample has at most 8 values; otherwise the normal
/// approximation with the tie correction of the variance and a continuity correction of 0.5.
/// The exact distribution is counted with the smaller sample first, in m * (m * n) steps
/// and 2 * (m * n + 1) numbers for samples of m <= n values, so 5 repetitions against
/// 20,000 take 1.6 MB and a few milliseconds. One bound of ours on top of scipy's rule:
/// when even that count would be large (m * n over 10 million, or m * m * n over 100
/// million) the normal approximation is used, so any sizes compare in seconds and in
/// under 1 GiB; `method` on the result says which was used.
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

    /// The largest smaller sample for which the exact distribution is used (scipy's rule).
    static let exactSmallerSampleLimit = 8
    /// The most numbers in the exact count table (m * n) before the normal approximation is used.
    static let exactCellLimit = 10_000_000
    /// The most additions (m * m * n) of the exact count before the normal approximation is used.
    static let exactWorkLimit = 100_000_000

    /// Tests `a` against `b`.
    /// - Parameter method: nil chooses as described on the type. `.exact` is honoured when
    ///   the count stays within the bounds on the type (ties or not); past them the result
    ///   comes from the normal approximation and says so in `method`.
    /// - Returns: nil when a sample is empty.
    public static func test(_ a: [Double], _ b: [Double], method: Method? = nil) -> MannWhitneyU? {
        let n1 = a.count, n2 = b.count
        guard n1 > 0, n2 > 0 else { return nil }
        let (ranks, tieSizes) = averageRanks(a + b)
        let r1 = ranks[0..<n1].reduce(0, +)
        let u1 = r1 - Double(n1) * Double(n1 + 1) / 2
        let u2 = Double(n1) * Double(n2) - u1
        let big = max(u1, u2)
        let hasTies = tieSizes.contains { $0 > 1 }
        var chosen = method ?? (!hasTies && min(n1, n2) <= exactSmallerSampleLimit ? .exact : .normal)
        if chosen == .exact && !exactIsAffordable(n1, n2) { chosen = .normal }
        var p = Double.nan
        if chosen == .exact {
            p = 2 * exactUpperTail(Int(big), n1, n2)  // U is whole without ties; truncation as scipy does
            if !p.isFinite { chosen = .normal }  // counts past the range of Double
        }
        if chosen == .normal {
            p = normalP(big: big, n1, n2, tieSizes: tieSizes)
        }
        return MannWhitneyU(u: u1, p: min(max(p, 0), 1), method: chosen)
    }

    /// The smallest two-sided p-value `test` can give for untied samples of these sizes:
    /// the two samples entirely apart. With the exact distribution that is 2 / C(n1 + n2, n1)
    /// (0.1 for 3 and 3 repetitions); with the normal approximation, its p at U = 0.
    ///
    /// Ties send the test to the normal approximation, which can go lower for tiny samples:
    /// three equal values against three other equal values give 0.047.
    public static func smallestPossibleP(_ n1: Int, _ n2: Int) -> Double {
        guard n1 > 0, n2 > 0 else { return 1 }
        if min(n1, n2) <= exactSmallerSampleLimit && exactIsAffordable(n1, n2) {
            var combinations = 1.0
            for i in 0..<min(n1, n2) { combinations = combinations * Double(n1 + n2 - i) / Double(i + 1) }
            return min(1, 2 / combinations)
        }
        return normalP(big: Double(n1) * Double(n2), n1, n2, tieSizes: [])
    }

    /// Whether a test of samples of these sizes can find a difference at level `alpha` at
    /// all (`smallestPossibleP` below `alpha`); when not, "no significant difference" would
    /// only restate that the repetitions are too few.
    public static func canReach(alpha: Double, _ n1: Int, _ n2: Int) -> Bool {
        smallestPossibleP(n1, n2) < alpha
    }

    /// Whether counting the exact distribution for these sizes stays within the bounds.
    static func exactIsAffordable(_ n1: Int, _ n2: Int) -> Bool {
        let m = Double(min(n1, n2)), n = Double(max(n1, n2))
        return m * n <= Double(exactCellLimit) && m * m * n <= Double(exactWorkLimit)
    }

    /// The normal approximation's two-sided p for the larger of the two U values, with the
    /// tie correction of the variance and a continuity correction of 0.5.
    static func normalP(big: Double, _ n1: Int, _ n2: Int, tieSizes: [Int]) -> Double {
        let n = Double(n1) + Double(n2), product = Double(n1) * Double(n2)
        let tieTerm = tieSizes.reduce(0.0) { $0 + Double($1) * Double($1) * Double($1) - Double($1) }
        let variance = product / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
        guard variance > 0 else { return 1 }  // every value equal: nothing to tell apart
        let numerator = big - product / 2 - 0.5
        return erfc(numerator / variance.squareRoot() / 2.0.squareRoot())
    }

    /// P(U >= u) under the null hypothesis, by counting.
    ///
    /// With m <= n the sizes of the two samples, the number of arrangements giving U = k is
    /// the coefficient of q^k in the Gaussian binomial [m + n choose m], built as the product
    /// over i = 1...m of (1 - q^(n+i)) / (1 - q^i). With a the coefficients before factor i
    /// and b those after it, b[k] = b[k - i] + a[k] - a[k - n - i]: one pass of i * n steps.
    /// U and m * n - U are equally likely, so only the lower half is built, where the counts
    /// grow with k and no subtraction can swamp a small count with rounding, and the upper
    /// half is mirrored. The tail is summed from the small side.
    static func exactUpperTail(_ u: Int, _ n1: Int, _ n2: Int) -> Double {
        let m = min(n1, n2), n = max(n1, n2), maxU = m * n
        if u <= 0 { return 1 }
        if u > maxU { return 0 }
        var previous = [Double](repeating: 0, count: maxU + 1)
        var current = previous
        previous[0] = 1
        for i in stride(from: 1, through: m, by: 1) {
            let degree = i * n, previousDegree = (i - 1) * n, window = n + i
            for k in 0...(degree / 2) {
                let entering = k <= previousDegree ? previous[k] : 0
                let leaving = k >= window ? previous[k - window] : 0
                current[k] = (k >= i ? current[k - i] : 0) + entering - leaving
            }
            if degree / 2 + 1 <= degree {
                for k in (degree / 2 + 1)...degree { current[k] = current[degree - k] }
            }
            swap(&previous, &current)
        }
        // P(U >= u) = P(U <= maxU - u) by symmetry; sum whichever tail is the shorter.
        let total = previous.reduce(0, +)
        if u > maxU / 2 {
            return previous[0...(maxU - u)].reduce(0, +) / total
        }
        return 1 - previous[0..<u].reduce(0, +) / total
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
