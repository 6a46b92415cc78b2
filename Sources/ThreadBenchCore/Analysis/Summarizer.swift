/// Builds summary rows from batch records.
public enum Summarizer {
    /// Summarises records by workload, runtime and thread count, in the order first seen.
    /// - Parameters:
    ///   - records: the measured batches of one run.
    ///   - logicalCPUs: the machine's cores, for the ideal speedup.
    public static func summarize(_ records: [BatchRecord], logicalCPUs: Int) -> [SummaryRow] {
        let groups = records.orderedGroups(by: BatchKey.init)
        let byKey = Dictionary(uniqueKeysWithValues: groups.map { ($0.key, $0.members) })
        return groups.map { key, group in
            let baseline = byKey[key.at(threads: 1)] ?? []
            return row(for: group, baseline: baseline, logicalCPUs: logicalCPUs)
        }
    }

    static func row(for group: [BatchRecord], baseline: [BatchRecord], logicalCPUs: Int) -> SummaryRow {
        let first = group[0]
        let walls = group.map(\.wallSeconds)
        let n = Double(first.threads)
        let scale = first.scaling == .weak ? n : 1
        let median = Statistics.median(walls)
        let wallCI = Statistics.medianCI95(walls)
        let cell = Self.speedup(group: group, baseline: baseline, scale: scale)
        let speedup = cell.reported.speedup
        let low = cell.reported.ci95Low
        let high = cell.reported.ci95High
        let karpFlatt: Double? = first.threads > 1 && speedup > 0
            ? (1 / speedup - 1 / n) / (1 - 1 / n) : nil
        let ideal: Double
        switch first.kind {
        case .io: ideal = n
        case .cpu, .mixed: ideal = first.runtime.runsWithoutGIL ? min(n, Double(logicalCPUs)) : 1
        }
        return SummaryRow(
            workload: first.workload, kind: first.kind, runtime: first.runtime,
            runtimeVersion: first.runtimeVersion, switchIntervalMs: first.switchIntervalMs,
            scaling: first.scaling, threads: first.threads, tasks: first.tasks, repetitions: group.count,
            outliers: OutlierDetection.flags(walls).filter { $0 }.count,
            wallMedianSeconds: median, wallMinSeconds: walls.min() ?? 0, wallMaxSeconds: walls.max() ?? 0,
            wallStddevSeconds: Statistics.standardDeviation(walls),
            wallCI95LowSeconds: wallCI.low, wallCI95HighSeconds: wallCI.high,
            speedup: speedup, speedupCI95Low: low, speedupCI95High: high,
            efficiency: speedup / n, karpFlatt: karpFlatt, idealSpeedup: ideal,
            verdict: first.threads == 1 ? .baseline : Verdict.classify(ciLow: low, ciHigh: high),
            gilWaitMedianSeconds: Statistics.median(group.map(\.gilWaitSeconds)),
            taskP50MedianMillis: Statistics.median(group.map(\.taskP50Millis)),
            errors: group.reduce(0) { $0 + $1.errors }, timedOut: group.reduce(0) { $0 + $1.timedOut },
            metricMedians: metricMedians(group), taskWork: first.taskWork,
            speedupUnpaired: cell.unpaired.speedup, speedupUnpairedCI95Low: cell.unpaired.ci95Low,
            speedupUnpairedCI95High: cell.unpaired.ci95High, rounds: cell.rounds,
            speedupHalfWidthPct: cell.halfWidthPct, precisionMet: cell.precisionMet)
    }

    /// Medians of every metric that at least one repetition reported.
    static func metricMedians(_ group: [BatchRecord]) -> [String: Double] {
        let names = Set(group.flatMap { $0.metrics.keys })
        return Dictionary(uniqueKeysWithValues: names.map { name in
            (name, Statistics.median(group.compactMap { $0.metrics[name] }))
        })
    }
}
