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
            rows[index].notes.append(.disturbed(steal: disturbance.stealFraction,
                                                otherProcesses: disturbance.otherFraction))
            flagged.append(BatchKey(rows[index]))
        }
        return flagged.isEmpty ? [] : [.disturbed(flagged, limit: Disturbance.limit)]
    }
}
