import Foundation
import ThreadBenchModel

/// Warnings about results that should not be read at face value: unstable repetitions,
/// outliers, and work so small that thread creation dominates it.
///
/// The core returns the warnings as sentences; the command line decides where they go.
public enum RunDiagnostics {
    /// A result is unstable when its standard deviation exceeds this fraction of its median.
    public static let unstableFraction = 0.10
    /// Work per thread under this multiple of the spawn+join cost is too small to measure threads.
    public static let spawnJoinMultiple = 10.0

    /// Warning sentences, at most one per workload and runtime for each kind of problem,
    /// plus one line for outliers in otherwise stable rows.
    /// - Parameters:
    ///   - rows: the run's summary rows.
    ///   - spawnJoinFloorMicros: the measured cost of spawning and joining one empty thread.
    public static func warnings(_ rows: [SummaryRow], spawnJoinFloorMicros: Double) -> [String] {
        var lines: [String] = []
        var outlierRows: [String] = []
        for (_, members) in rows.orderedGroups(by: CurveKey.init) {
            let name = "\(members[0].workload) under \(members[0].runtime)"
            let unstable = members.filter {
                $0.wallMedianSeconds > 0 && $0.repetitions > 1
                    && $0.wallStddevSeconds > unstableFraction * $0.wallMedianSeconds
            }
            if !unstable.isEmpty {
                let worst = unstable.map { $0.wallStddevSeconds / $0.wallMedianSeconds }.max() ?? 0
                let outliers = unstable.reduce(0) { $0 + $1.outliers }
                lines.append(String(format: "%@: unstable at %@ threads (stddev up to %.0f%% of the median over %d "
                    + "repetitions)", name, threadList(unstable), 100 * worst, unstable[0].repetitions)
                    + (outliers > 0 ? "; \(outliers) outliers flagged in the CSV" : ""))
            }
            for row in members where row.outliers > 0 && !unstable.contains(row) {
                outlierRows.append("\(row.workload)/\(row.runtime)/\(row.threads) (\(row.outliers) of \(row.repetitions))")
            }
            let small = members.filter { row in
                guard let work = workPerThreadMicros(row), spawnJoinFloorMicros > 0 else { return false }
                return work < spawnJoinMultiple * spawnJoinFloorMicros
            }
            if let least = small.compactMap(workPerThreadMicros).min() {
                lines.append(String(format: "%@ at %@ threads: each thread works as little as %@, under %.0fx the "
                    + "spawn+join cost of %.0f us; the speedup measures thread creation as much as the work "
                    + "(give it more tasks)", name, threadList(small), duration(micros: least), spawnJoinMultiple,
                    spawnJoinFloorMicros))
            }
        }
        if !outlierRows.isEmpty {
            let shown = outlierRows.prefix(6).joined(separator: ", ") + (outlierRows.count > 6 ? ", ..." : "")
            lines.append("outlying repetitions (modified Z-score above 3.5; the CSV's outlier column) in "
                + "\(outlierRows.count) rows: \(shown); the medians resist them, the means and stddevs do not")
        }
        return lines
    }

    private static func threadList(_ rows: [SummaryRow]) -> String {
        rows.map { String($0.threads) }.joined(separator: ", ")
    }

    /// The work one thread does in a batch: its share of tasks times the median task time;
    /// nil when the workload reports no task time.
    static func workPerThreadMicros(_ row: SummaryRow) -> Double? {
        guard row.taskP50MedianMillis > 0, row.threads > 0 else { return nil }
        let tasksPerThread = max(1, Double(row.tasks) / Double(row.threads))
        return row.taskP50MedianMillis * 1000 * tasksPerThread
    }

    private static func duration(micros: Double) -> String {
        micros >= 1000 ? String(format: "%.1f ms", micros / 1000) : String(format: "%.0f us", micros)
    }
}
