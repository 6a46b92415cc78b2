import Foundation

/// The Mann-Whitney U test of a shift on the log scale, with the Hodges-Lehmann estimate and
/// the distribution-free interval that inverts the test (Moses' interval).
///
/// The estimate of ln(other / baseline) is the median of the pairwise differences
/// ln b_j - ln a_i. "The true log ratio is delta" is tested by the U test of the baseline's
/// logs against the other's logs less delta. U changes only where delta crosses a pairwise
/// difference, so the interval at level 1 - alpha runs between the outermost pairwise
/// differences whose neighbouring gaps the test does not reject; when even the samples'
/// complete separation is not rejected (5 against 5 at alpha below 2/252) an end is infinite.
public struct ShiftedMannWhitney: LogShiftTest {
    public var logEstimate: Double
    private let baselineLogs: [Double]
    private let otherLogs: [Double]
    /// The pairwise differences, ascending.
    private let differences: [Double]

    /// Tests `other` against `baseline`; values that are not positive and finite are skipped.
    /// - Returns: nil when a side has fewer than 2 usable values.
    public init?(baseline: [Double], other: [Double]) {
        let y = baseline.filter { $0 > 0 && $0.isFinite }.map { Foundation.log($0) }
        let z = other.filter { $0 > 0 && $0.isFinite }.map { Foundation.log($0) }
        guard y.count >= 2, z.count >= 2 else { return nil }
        baselineLogs = y
        otherLogs = z
        differences = z.flatMap { b in y.map { b - $0 } }.sorted()
        logEstimate = Statistics.median(differences)
    }

    public func pValue(logShift: Double) -> Double {
        MannWhitneyU.test(baselineLogs, otherLogs.map { $0 - logShift })?.p ?? .nan
    }

    public func logInterval(level: Double) -> (low: Double, high: Double) {
        let alpha = 1 - level
        let edges = differences
        // Probe each gap: below the smallest difference, between neighbours, above the largest.
        var kept: [Int] = []
        for gap in 0...edges.count {
            let probe: Double
            if gap == 0 { probe = edges[0] - 1 } else if gap == edges.count { probe = edges[gap - 1] + 1 } else {
                guard edges[gap] > edges[gap - 1] else { continue }
                probe = (edges[gap - 1] + edges[gap]) / 2
            }
            if pValue(logShift: probe) > alpha { kept.append(gap) }
        }
        guard let first = kept.first, let last = kept.last else { return (logEstimate, logEstimate) }
        let low = first == 0 ? -Double.infinity : edges[first - 1]
        let high = last == edges.count ? Double.infinity : edges[last]
        return (low, high)
    }
}
