import Foundation
import ThreadBenchModel

/// Flags summary cells measured under more than 5% steal or outside load (`Disturbance.limit`).
enum DisturbanceNotes {
    /// Adds a note to each flagged row and returns one warning for them all, if any.
    /// - Parameters:
    ///   - rows: the summary, changed in place.
    ///   - records: the run's batches.
    ///   - logicalCPUs: the machine's logical CPUs (steal and outside load are machine-wide).
    static func mark(_ rows: inout [SummaryRow], records: [BatchRecord], logicalCPUs: Int) -> [ResultWarning] {
        let byKey = Dictionary(grouping: records.filter { !$0.failed }, by: BatchKey.init)
        var flagged: [BatchKey] = []
        for index in rows.indices {
            let disturbance = Disturbance(records: byKey[BatchKey(rows[index])] ?? [], logicalCPUs: logicalCPUs)
            guard disturbance.exceedsLimit else { continue }
            let parts = [disturbance.stealFraction.map { "steal \(percent($0))" },
                         disturbance.otherFraction.map { "other processes \(percent($0))" }].compactMap { $0 }
            rows[index].notes.append("measured under " + parts.joined(separator: ", ") + " of the machine's CPU time")
            flagged.append(BatchKey(rows[index]))
        }
        return flagged.isEmpty ? [] : [.disturbed(flagged, limit: Disturbance.limit)]
    }

    private static func percent(_ fraction: Double) -> String { String(format: "%.0f%%", fraction * 100) }
}
