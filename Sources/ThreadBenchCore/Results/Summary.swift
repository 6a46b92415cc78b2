/// Whether adding threads helped, from the speedup's 95% confidence interval.
public enum Verdict: String, Sendable, CaseIterable {
    /// The single-thread row every speedup is measured against.
    case baseline
    /// The whole interval lies above 1.05: threads made it faster.
    case helps
    /// The interval reaches within 5% of 1: no gain worth having.
    case noGain = "no-gain"
    /// The whole interval lies below 0.95: threads made it slower.
    case hurts

    /// Classifies a speedup interval; a 5% margin keeps noise from reading as a gain or loss.
    public static func classify(ciLow: Double, ciHigh: Double) -> Verdict {
        if ciLow > 1.05 { return .helps }
        if ciHigh < 0.95 { return .hurts }
        return .noGain
    }
}

/// One row of the summary: a workload under a runtime at one thread count, over its repetitions.
public struct SummaryRow: Sendable, Equatable {
    public var workload: String
    public var kind: WorkloadKind
    public var runtime: String
    public var runtimeVersion: String
    public var switchIntervalMs: Double
    public var scaling: Scaling
    public var threads: Int
    public var tasks: Int
    public var repetitions: Int
    /// Repetitions whose wall time is an outlier (modified Z-score above 3.5).
    public var outliers: Int = 0
    public var wallMedianSeconds: Seconds
    public var wallMinSeconds: Seconds
    public var wallMaxSeconds: Seconds
    public var wallStddevSeconds: Seconds
    public var wallCI95LowSeconds: Seconds
    public var wallCI95HighSeconds: Seconds
    /// wall(1) / wall(N) under strong scaling; N * wall(1) / wall(N) under weak scaling.
    public var speedup: Double
    public var speedupCI95Low: Double
    public var speedupCI95High: Double
    /// Speedup divided by the thread count.
    public var efficiency: Double
    /// Karp-Flatt experimentally determined serial fraction; nil at 1 thread.
    public var karpFlatt: Double?
    /// The best speedup this workload could reach here: N for waits, min(N, cores) for
    /// computation, 1 for computation under a GIL.
    public var idealSpeedup: Double
    public var verdict: Verdict
    public var gilWaitMedianSeconds: Seconds
    public var taskP50MedianMillis: Double
    public var errors: Int
    public var timedOut: Int
    /// The median over the repetitions of each workload-specific figure (`BatchRecord.metrics`).
    public var metricMedians: [String: Double] = [:]
}

/// Builds summary rows from batch records.
public enum Summarizer {
    /// Summarises records by workload, runtime and thread count, in the order first seen.
    /// - Parameters:
    ///   - records: the measured batches of one run.
    ///   - logicalCPUs: the machine's cores, for the ideal speedup.
    public static func summarize(_ records: [BatchRecord], logicalCPUs: Int) -> [SummaryRow] {
        var order: [String] = []
        var groups: [String: [BatchRecord]] = [:]
        for record in records {
            let key = "\(record.workload)|\(record.runtime)|\(record.scaling.rawValue)|\(record.threads)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(record)
        }
        return order.map { key in
            let group = groups[key]!
            let first = group[0]
            let baselineKey = "\(first.workload)|\(first.runtime)|\(first.scaling.rawValue)|1"
            let baseline = (groups[baselineKey] ?? []).map(\.wallSeconds)
            return row(for: group, baselineWalls: baseline, logicalCPUs: logicalCPUs)
        }
    }

    /// Whether computation under `runtime` can use every core: plain Swift, or a free-threaded CPython.
    static func runsWithoutGIL(_ runtime: String) -> Bool {
        runtime == Runtime.swift.rawValue || runtime == CPythonLabel.noGIL
    }

    static func row(for group: [BatchRecord], baselineWalls: [Double], logicalCPUs: Int) -> SummaryRow {
        let first = group[0]
        let walls = group.map(\.wallSeconds)
        let n = Double(first.threads)
        let scale = first.scaling == .weak ? n : 1
        let median = Statistics.median(walls)
        let baselineMedian = Statistics.median(baselineWalls)
        let wallCI = Statistics.medianCI95(walls)
        let speedup = median > 0 && !baselineWalls.isEmpty ? scale * baselineMedian / median : 0
        let speedupCI = Statistics.ratioOfMediansCI95(numerator: baselineWalls, denominator: walls)
        let low = speedupCI.low * scale
        let high = speedupCI.high * scale
        let karpFlatt: Double? = first.threads > 1 && speedup > 0
            ? (1 / speedup - 1 / n) / (1 - 1 / n) : nil
        let ideal: Double
        switch first.kind {
        case .io: ideal = n
        case .cpu, .mixed: ideal = Self.runsWithoutGIL(first.runtime) ? min(n, Double(logicalCPUs)) : 1
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
            metricMedians: metricMedians(group))
    }

    /// Medians of every metric that at least one repetition reported.
    static func metricMedians(_ group: [BatchRecord]) -> [String: Double] {
        let names = Set(group.flatMap { $0.metrics.keys })
        return Dictionary(uniqueKeysWithValues: names.map { name in
            (name, Statistics.median(group.compactMap { $0.metrics[name] }))
        })
    }
}
