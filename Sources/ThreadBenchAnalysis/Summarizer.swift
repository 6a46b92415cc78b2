import ThreadBenchModel
import ThreadBenchStatistics

/// Builds summary rows from batch records.
///
/// Failed batches (`BatchRecord.failed`) stay in the raw file but not in the figures: a
/// failed CPython batch stores its whole process time as its wall, a timed-out one about
/// the timeout, and neither measures the work. Each row counts them in `failedBatches`; a
/// row with no successful batch has empty figures and the verdict `failed`.
public enum Summarizer {
    /// Summarises records by workload, runtime and thread count, in the order first seen.
    /// - Parameters:
    ///   - records: the measured batches of one run, failed ones included.
    ///   - usableCPUs: the CPUs the run could use at once, for the ideal speedup and Karp-Flatt.
    public static func summarize(_ records: [BatchRecord], usableCPUs: Int) -> [SummaryRow] {
        let groups = records.orderedGroups(by: BatchKey.init)
        let kept = Dictionary(uniqueKeysWithValues: groups.map { ($0.key, $0.members.filter { !$0.failed }) })
        return groups.map { key, group in
            let successful = kept[key] ?? []
            guard !successful.isEmpty else { return failedRow(group) }
            var row = row(for: successful, baseline: kept[key.at(threads: 1)] ?? [], usableCPUs: usableCPUs)
            row.failedBatches = group.count - successful.count
            row.errors = group.reduce(0) { $0 + $1.errors }
            row.timedOut = group.reduce(0) { $0 + $1.timedOut }
            if row.failedBatches > 0 {
                row.notes.append(.batchesLeftOut(failed: row.failedBatches, batches: group.count))
            }
            return row
        }
    }

    static func row(for all: [BatchRecord], baseline: [BatchRecord], usableCPUs: Int) -> SummaryRow {
        let first = all[0]
        let measured = all.filter { !$0.isPilot }
        // A cell cut short before its first measured round is described by its pilot.
        let group = measured.isEmpty ? all : measured
        let walls = group.map(\.wallSeconds)
        let n = Double(first.threads)
        let scale = first.scaling == .weak ? n : 1
        let wallCI = LogInterval(walls)
        let cell = Self.figures(group: all, baseline: baseline, scale: scale)
        let speedup = cell.speedup?.estimate ?? 0
        var row = SummaryRow(setup: first.setup, verdict: .baseline)
        row.repetitions = group.count
        row.outliers = OutlierDetection.flags(walls).filter { $0 }.count
        row.wallMedianSeconds = Statistics.median(walls)
        row.wallMinSeconds = walls.min() ?? 0
        row.wallMaxSeconds = walls.max() ?? 0
        row.wallStddevSeconds = Statistics.standardDeviation(walls)
        row.wallCI95LowSeconds = wallCI?.low ?? 0
        row.wallCI95HighSeconds = wallCI?.high ?? 0
        row.speedup = speedup
        row.speedupCI95Low = cell.speedup?.low ?? 0
        row.speedupCI95High = cell.speedup?.high ?? 0
        row.efficiency = speedup / n
        row.idealSpeedup = idealSpeedup(first, usableCPUs: usableCPUs)
        row.gilWaitMedianSeconds = Statistics.median(group.map(\.gilWaitSeconds))
        row.taskP50MedianMillis = Statistics.median(group.map(\.taskP50Millis))
        row.errors = group.reduce(0) { $0 + $1.errors }
        row.timedOut = group.reduce(0) { $0 + $1.timedOut }
        row.metricMedians = metricMedians(group)
        row.speedupUnpaired = cell.unpaired.speedup
        row.speedupUnpairedCI95Low = cell.unpaired.ci95Low
        row.speedupUnpairedCI95High = cell.unpaired.ci95High
        row.rounds = cell.rounds
        row.speedupHalfWidthPct = cell.halfWidthPct
        row.precisionMet = cell.precisionMet
        row.parallelism = cell.parallelism
        row.cpuEfficiency = cell.cpuEfficiency
        row.coresBusy = LogInterval(group.compactMap(\.coresBusy))?.estimate
        row.pilotRounds = Set(all.filter(\.isPilot).map(\.repetition)).count
        setKarpFlatt(&row, usableCPUs: usableCPUs)
        judge(&row, hasBaseline: !baseline.isEmpty)
        return row
    }

    /// Medians of every metric that at least one repetition reported.
    static func metricMedians(_ group: [BatchRecord]) -> [String: Double] {
        let names = Set(group.flatMap { $0.metrics.keys })
        return Dictionary(uniqueKeysWithValues: names.map { name in
            (name, Statistics.median(group.compactMap { $0.metrics[name] }))
        })
    }
}
