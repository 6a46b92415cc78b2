import Foundation
import TextTable
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

/// The answer at a glance: per workload and runtime, the verdict and figure at 2 threads and at
/// the thread count where threads helped most, in a table that fits 80 columns.
public enum CompactView {
    /// The table; empty when no row above 1 thread was measured.
    public static func render(_ summary: [SummaryRow]) -> String {
        var lines: [[String]] = []
        for (_, rows) in summary.orderedGroups(by: CurveKey.init) {
            let measured = rows.filter { $0.threads > 1 && $0.verdict != .failed }
            guard let first = rows.first else { continue }
            let two = measured.first { $0.threads == 2 } ?? measured.first
            let best = measured.filter { $0.speedup > 0 }.max { $0.speedup < $1.speedup }
            lines.append([first.workload, first.runtime.rawValue, two.map(cell) ?? "-",
                          best.map { "\($0.threads): " + cell($0) } ?? "-"])
        }
        guard !lines.isEmpty else { return "" }
        let header = [CSVSchema.workload.name, CSVSchema.runtime.name, "at 2 threads", "best thread count"]
        let table = TextTable<[String]> { line in
            line.enumerated().map { Column(title: header[$0], value: CSVText.printable($1)) }
        }
        return table.string(for: lines, style: Style.simple) ?? ""
    }

    /// "helps 1.93x, 1.95 busy" for computation, "helps 31.5x" for waiting, the added latency for a mixed workload.
    static func cell(_ row: SummaryRow) -> String {
        if row.kind == .mixed, let latency = row.convoyLatencyMillis {
            let added = ((latency.busy - latency.parked) * 10).rounded() / 10
            return String(format: "%+.1f ms p50", added == 0 ? 0 : added)
        }
        let speedup = row.speedup >= 10 ? String(format: "%.1fx", row.speedup) : String(format: "%.2fx", row.speedup)
        let busy = row.kind == .cpu ? row.parallelism.map { String(format: ", %.2f busy", $0.estimate) } ?? "" : ""
        return "\(row.verdict.rawValue) \(speedup)\(busy)"
    }
}
