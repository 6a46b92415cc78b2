import Foundation
import ThreadBenchModel
import ThreadBenchStatistics

/// How sure a run's speedups are: per workload, how many cells came within the precision
/// target and after how many rounds, and which cells did not.
///
/// A cell is a workload under a runtime at one thread count above 1. It met the target when
/// its paired interval is a 95% one (5 rounds or more) no wider than ±target of its speedup.
public struct PrecisionReport: Sendable {
    /// The target relative half-width: 0.03 is ±3%.
    public let target: Double
    /// The summary rows above 1 thread, in summary order; a mixed workload's rows are left out
    /// (their figure is the I/O latency a computing thread adds, not the speedup).
    public let cells: [SummaryRow]

    /// The report of a run's summary against `target`.
    public init(summary: [SummaryRow], target: Double) {
        self.target = target
        cells = summary.filter { $0.threads > 1 && $0.kind != .mixed }
    }

    /// Whether a cell met the target: its own verdict, or for a row without one (a file that
    /// did not record its target) the same test against `target`.
    public func met(_ cell: SummaryRow) -> Bool {
        if let met = cell.precisionMet { return met }
        guard let halfWidth = cell.speedupHalfWidthPct else { return false }
        return cell.rounds >= PairedSpeedup.nominalMinimumRounds && halfWidth <= target * 100
    }

    /// One line per workload: "math: 12 of 12 cells within ±3% after 5-9 rounds".
    public var workloadLines: [String] {
        cells.orderedGroups(by: \.workload).map { workload, rows in
            let rounds = rows.map(\.rounds)
            let low = rounds.min() ?? 0, high = rounds.max() ?? 0
            let span = low == high ? "\(low)" : "\(low)-\(high)"
            return "\(workload): \(rows.filter(met).count) of \(rows.count) cells within \(percent) "
                + "after \(span) round\(high == 1 ? "" : "s")"
        }
    }

    /// One line for the end of the run: how many cells met the target and, curve by curve
    /// (the first six), those that did not, with the widest half-width and the rounds reached;
    /// nil when there are no cells.
    public var closingLine: String? {
        guard !cells.isEmpty else { return nil }
        let missed = cells.filter { !met($0) }
        let line = "precision: \(cells.count - missed.count) of \(cells.count) cells within \(percent)"
        guard !missed.isEmpty else { return line + " (95% paired intervals)" }
        let curves = missed.orderedGroups(by: CurveKey.init)
        let shown = curves.prefix(6).map { curve, rows in
            let threads = rows.map { String($0.threads) }.joined(separator: ", ")
            let widest = rows.compactMap(\.speedupHalfWidthPct).max()
            let width = widest.map { String(format: "up to ±%.1f%%", $0) } ?? "no interval"
            let rounds = rows.map(\.rounds).max() ?? 0
            return "\(curve.workload) \(curve.runtime) at \(threads) threads (\(width), \(Self.rounds(rounds)))"
        }
        var text = line + "; not met: " + shown.joined(separator: "; ")
        if curves.count > shown.count { text += "; and \(curves.count - shown.count) more curves" }
        if missed.contains(where: { $0.rounds < PairedSpeedup.nominalMinimumRounds }) {
            text += "; below \(PairedSpeedup.nominalMinimumRounds) rounds an interval is not a 95% one "
                + "(a longer --budget gives more rounds)"
        }
        return text
    }

    /// "1 round", "5 rounds".
    static func rounds(_ count: Int) -> String { "\(count) round\(count == 1 ? "" : "s")" }

    /// "±3%", or "±2.5%" for a target that is not a whole percent.
    private var percent: String {
        let value = target * 100
        return value == value.rounded() ? "±\(Int(value))%" : String(format: "±%.1f%%", value)
    }
}
