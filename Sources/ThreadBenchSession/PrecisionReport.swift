import Foundation
import ThreadBenchModel
import ThreadBenchStatistics

/// How sure a run's speedups are: per workload, how many cells came within the precision
/// target and after how many rounds, and which cells did not.
///
/// A cell is a workload under a runtime at one thread count above 1. Whether it met the target
/// is the summary's `precisionMet`, judged once by the one precision rule (`CellPlan`): its
/// measured rounds reach ±target for the spread its pilot rounds showed in the figure its
/// verdict rests on (parallelism for computation, the speedup for waiting). A cell without a
/// pilot (fixed `--repetitions`, a budget too short for one, an older file) is not judged.
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

    /// Whether a cell met the target (`SummaryRow.precisionMet`); false when it was not judged.
    public func met(_ cell: SummaryRow) -> Bool { cell.precisionMet ?? false }

    /// Cells that had no pilot, so no precision was judged.
    private var unjudged: Int { cells.filter { $0.precisionMet == nil }.count }

    /// One line per workload: "math: 12 of 12 cells within ±3% after 5-9 rounds".
    public var workloadLines: [String] {
        cells.orderedGroups(by: \.workload).map { workload, rows in
            let rounds = rows.map(\.rounds)
            let low = rounds.min() ?? 0, high = rounds.max() ?? 0
            let span = low == high ? "\(low)" : "\(low)-\(high)"
            let judged = rows.filter { $0.precisionMet != nil }.count
            let note = judged < rows.count ? " (\(rows.count - judged) not judged: no pilot rounds)" : ""
            return "\(workload): \(rows.filter(met).count) of \(rows.count) cells within \(percent) "
                + "after \(span) measured round\(high == 1 ? "" : "s")" + note
        }
    }

    /// One line for the end of the run: how many cells met the target and, curve by curve
    /// (the first six), those that did not, with the widest half-width and the rounds reached;
    /// nil when there are no cells.
    public var closingLine: String? {
        guard !cells.isEmpty else { return nil }
        let missed = cells.filter { !met($0) }
        let line = "precision: \(cells.count - missed.count) of \(cells.count) cells within \(percent)"
        guard !missed.isEmpty else { return line + " (95% t-intervals over measured rounds)" }
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
        if unjudged > 0 {
            text += "; \(unjudged) cells not judged (no pilot rounds: fixed rounds or a budget too short for a pilot)"
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
