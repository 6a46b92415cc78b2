import Foundation
import ThreadBenchModel

/// The finding of a mixed workload: the I/O latency a computing thread adds, not a speedup.
enum ConvoyFindings {
    /// Per runtime, the latencies at the largest thread count that has them; nil when no row
    /// reports the latencies.
    static func effects(_ rows: [SummaryRow]) -> [ConvoyEffect]? {
        var effects: [ConvoyEffect] = []
        for (runtime, members) in rows.orderedGroups(by: \.runtime) {
            guard let row = members.filter({ $0.convoyLatencyMillis != nil }).max(by: { $0.threads < $1.threads }),
                  let l = row.convoyLatencyMillis else { continue }
            effects.append(ConvoyEffect(runtime: runtime, busyMillis: l.busy, parkedMillis: l.parked, threads: row.threads))
        }
        return effects.isEmpty ? nil : effects
    }
}

extension SummaryRow {
    /// A mixed workload's request p50 in ms with a computing thread running (`busy`) and with it
    /// parked; nil for a row that does not report both.
    public var convoyLatencyMillis: (busy: Double, parked: Double)? {
        guard let busy = metricMedians[MetricColumns.p50("io")],
              let parked = metricMedians[MetricColumns.p50("io_baseline")] else { return nil }
        return (busy, parked)
    }
}
