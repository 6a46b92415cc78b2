import Foundation
import TextTable
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

/// Turns summary rows into terminal tables, one per workload and runtime.
public struct TableReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The tables as text, each headed by its workload, runtime and work.
    ///
    /// Above 1 thread the speedup and its interval are paired by round (the geometric mean of the
    /// rounds' ratios, a t-interval on their logs); `±` is the interval's half-width in percent of
    /// the speedup, `rounds` the measured rounds behind it; `parallelism` is cores busy at N over
    /// cores busy at 1, per round, with its interval, and `cpu eff` the speedup over it (CPU the
    /// work took at 1 thread over at N).
    public func render(_ rows: [SummaryRow]) -> String {
        var output = ""
        for (_, group) in rows.orderedGroups(by: CurveKey.init) {
            let first = group[0]
            let work = first.taskWork.isSpecified ? " of \(first.taskWork)" : ""
            output += "\(first.workload) (\(first.kind.rawValue)) under \(first.runtime), \(first.tasks) tasks\(work), "
                + "\(first.scaling.rawValue) scaling, speedups paired by round\n"
            let table = TextTable<SummaryRow> { row in
                let shown = row.verdict != .failed
                return [
                    Column(title: CSVSchema.threads.name, value: row.threads, align: .right),
                    Column(title: "wall median", value: shown ? Self.duration(row.wallMedianSeconds) : "-", align: .right),
                    Column(title: CSVSchema.speedup.name, value: Self.speedup(row), align: .right),
                    Column(title: "95% CI", value: Self.interval(row), align: .right),
                    Column(title: "±", value: row.speedupHalfWidthPct.map { String(format: "%.1f%%", $0) } ?? "",
                           align: .right),
                    Column(title: CSVSchema.rounds.name, value: row.rounds, align: .right),
                    Column(title: CSVSchema.parallelism.name, value: Self.parallelism(row), align: .right),
                    Column(title: "cpu eff", value: row.threads > 1 ? row.cpuEfficiency.map { String(format: "%.2f", $0.estimate) } ?? "-"
                           : "", align: .right),
                    Column(title: "ideal", value: shown ? String(format: "%.0fx", row.idealSpeedup) : "-", align: .right),
                    Column(title: CSVSchema.efficiency.name, value: row.speedup > 0 ? String(format: "%.0f%%", row.efficiency * 100) : "-",
                           align: .right),
                    Column(title: "GIL wait", value: shown ? Self.duration(row.gilWaitMedianSeconds) : "-", align: .right),
                    Column(title: CSVSchema.errors, value: row.errors, align: .right),
                    Column(title: "failed", value: row.failedBatches, align: .right),
                    Column(title: CSVSchema.verdict.name, value: row.verdict.rawValue),
                ]
            }
            output += table.string(for: group, style: Style.simple) ?? ""
            output += "\n"
            if group.contains(where: { !$0.intervalIsNominal95 && $0.verdict.judgesASpeedup }) {
                output += "* fewer than 2 measured rounds: no interval, so no verdict\n"
            }
            output += "\n"
        }
        return output
    }

    /// The speedup, or "-" where there is none (every batch failed, or no 1-thread baseline).
    static func speedup(_ row: SummaryRow) -> String {
        row.speedup > 0 ? String(format: "%.2fx", row.speedup) : "-"
    }

    /// The speedup's interval, starred when it comes from too few repetitions to be a 95% one.
    static func interval(_ row: SummaryRow) -> String {
        guard row.speedup > 0 else { return "-" }
        let star = !row.intervalIsNominal95 && row.verdict.judgesASpeedup ? "*" : ""
        return String(format: "%.2f-%.2f", row.speedupCI95Low, row.speedupCI95High) + star
    }

    /// Parallelism (cores busy at N over at 1) with its interval, or "-" where unknown.
    static func parallelism(_ row: SummaryRow) -> String {
        guard let p = row.parallelism, row.verdict != .failed else { return "-" }
        return row.threads == 1 ? String(format: "%.2f", p.estimate)
            : String(format: "%.2f [%.2f-%.2f]", p.estimate, p.low, p.high)
    }

    /// A duration with a unit that suits its size.
    static func duration(_ seconds: Seconds) -> String {
        if seconds == 0 { return "0" }
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.0f us", seconds * 1e6)
    }
}
