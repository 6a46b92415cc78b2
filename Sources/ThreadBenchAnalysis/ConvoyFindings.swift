import Foundation
import ThreadBenchModel

/// The finding of a mixed workload: the I/O latency a computing thread adds, not a speedup.
enum ConvoyFindings {
    /// "convoy: under swift-gil a computing thread adds 5.2 ms to each request's p50 (...)",
    /// or nil when no row reports the latencies.
    static func sentence(_ workload: String, _ rows: [SummaryRow]) -> String? {
        func latencies(_ row: SummaryRow) -> (busy: Double, parked: Double)? {
            guard let busy = row.metricMedians[MetricColumns.p50("io")],
                  let parked = row.metricMedians[MetricColumns.p50("io_baseline")] else {
                return nil
            }
            return (busy, parked)
        }
        var parts: [String] = []
        for (runtime, members) in rows.orderedGroups(by: \.runtime) {
            guard let row = members.filter({ latencies($0) != nil }).max(by: { $0.threads < $1.threads }),
                  let l = latencies(row) else { continue }
            let added = l.busy - l.parked
            let effect = added >= 0.05 ? String(format: "adds %.1f ms to", added) : "adds nothing measurable to"
            parts.append(String(format: "under %@ a computing thread %@ each request's p50 "
                + "(%.2f ms against %.2f ms parked, %d threads)", runtime.rawValue, effect, l.busy, l.parked, row.threads))
        }
        guard !parts.isEmpty else { return nil }
        return "\(workload): " + parts.joined(separator: "; ")
    }
}
