import Foundation
import ThreadBenchModel

/// The finding of a mixed workload: the I/O latency a computing thread adds, not a speedup.
enum ConvoyFindings {
    /// Per runtime, the latencies at the largest thread count that has them; nil when no row
    /// reports the latencies.
    static func effects(_ rows: [SummaryRow]) -> [ConvoyEffect]? {
        func latencies(_ row: SummaryRow) -> (busy: Double, parked: Double)? {
            guard let busy = row.metricMedians[MetricColumns.p50("io")],
                  let parked = row.metricMedians[MetricColumns.p50("io_baseline")] else {
                return nil
            }
            return (busy, parked)
        }
        var effects: [ConvoyEffect] = []
        for (runtime, members) in rows.orderedGroups(by: \.runtime) {
            guard let row = members.filter({ latencies($0) != nil }).max(by: { $0.threads < $1.threads }),
                  let l = latencies(row) else { continue }
            effects.append(ConvoyEffect(runtime: runtime, busyMillis: l.busy, parkedMillis: l.parked, threads: row.threads))
        }
        return effects.isEmpty ? nil : effects
    }
}
