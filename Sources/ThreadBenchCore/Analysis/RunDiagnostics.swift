import Foundation

/// Warnings about results that should not be read at face value: unstable repetitions,
/// outliers, and work so small that thread creation dominates it.
///
/// The core returns the warnings as sentences; the command line decides where they go.
public enum RunDiagnostics {
    /// A result is unstable when its standard deviation exceeds this fraction of its median.
    public static let unstableFraction = 0.10
    /// Work per thread under this multiple of the spawn+join cost is too small to measure threads.
    public static let spawnJoinMultiple = 10.0

    /// One sentence per summary row that deserves a warning, in the rows' order.
    /// - Parameters:
    ///   - rows: the run's summary rows.
    ///   - spawnJoinFloorMicros: the measured cost of spawning and joining one empty thread.
    public static func warnings(_ rows: [SummaryRow], spawnJoinFloorMicros: Double) -> [String] {
        var lines: [String] = []
        var outlierRows: [String] = []
        for row in rows {
            let name = "\(row.workload) under \(row.runtime) at \(row.threads) threads"
            if row.wallMedianSeconds > 0, row.repetitions > 1,
               row.wallStddevSeconds > unstableFraction * row.wallMedianSeconds {
                lines.append(String(format: "%@: unstable, stddev %.0f%% of the median over %d repetitions",
                                    name, 100 * row.wallStddevSeconds / row.wallMedianSeconds, row.repetitions)
                    + (row.outliers > 0 ? " (\(row.outliers) outliers flagged in the CSV)" : ""))
            } else if row.outliers > 0 {
                outlierRows.append("\(row.workload)/\(row.runtime)/\(row.threads) (\(row.outliers) of \(row.repetitions))")
            }
            if let workMicros = workPerThreadMicros(row), spawnJoinFloorMicros > 0,
               workMicros < spawnJoinMultiple * spawnJoinFloorMicros {
                lines.append(String(format: "%@: each thread works about %@, under %.0fx the spawn+join cost "
                    + "of %.0f us; the speedup measures thread creation as much as the work (use more --tasks)",
                    name, duration(micros: workMicros), spawnJoinMultiple, spawnJoinFloorMicros))
            }
        }
        if !outlierRows.isEmpty {
            let shown = outlierRows.prefix(6).joined(separator: ", ") + (outlierRows.count > 6 ? ", ..." : "")
            lines.append("outlying repetitions (modified Z-score above 3.5; the CSV's outlier column) in "
                + "\(outlierRows.count) rows: \(shown); the medians resist them, the means and stddevs do not")
        }
        return lines
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
