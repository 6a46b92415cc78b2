import Foundation
import ThreadBenchModel

/// A result that should not be read at face value, with the figures that say why; Output
/// turns it into a sentence (`ResultWarning.text`).
public enum ResultWarning: Sendable, Equatable {
    /// Rows of a curve whose standard deviation exceeds `RunDiagnostics.unstableFraction` of their median.
    /// - Parameters: `worstFraction`: the largest stddev / median; `outliers`: outlying repetitions in those rows.
    case unstable(CurveKey, threads: [Int], worstFraction: Double, repetitions: Int, outliers: Int)
    /// Rows of a curve where a thread works less than `multiple` times the spawn+join cost.
    /// - Parameters: `leastMicros`: the least work per thread; `floorMicros`: the spawn+join cost.
    case littleWork(CurveKey, threads: [Int], leastMicros: Double, multiple: Double, floorMicros: Double)
    /// Rows, outside the unstable ones, with outlying repetitions (modified Z-score above 3.5).
    case outliers([OutlyingRow])
    /// Rows measured under more than `limit` (a fraction) of the machine's CPU time in steal or
    /// outside load (`DisturbanceNotes`).
    case disturbed([BatchKey], limit: Double)

    /// A row with outlying repetitions.
    public struct OutlyingRow: Sendable, Equatable {
        /// The row.
        public var key: BatchKey
        /// Its outlying repetitions, and all of them.
        public var outliers, repetitions: Int
    }
}

/// Warnings about results that should not be read at face value: unstable repetitions,
/// outliers, and work so small that thread creation dominates it.
///
/// The core returns the warnings as values; the command line decides where their text goes.
public enum RunDiagnostics {
    /// A result is unstable when its standard deviation exceeds this fraction of its median.
    public static let unstableFraction = 0.10
    /// Work per thread under this multiple of the spawn+join cost is too small to measure threads.
    public static let spawnJoinMultiple = 10.0

    /// The warnings, at most one per workload and runtime for each kind of problem, plus one
    /// for outliers in otherwise stable rows.
    /// - Parameters:
    ///   - rows: the run's summary rows.
    ///   - spawnJoinFloorMicros: the measured cost of spawning and joining one empty thread.
    public static func warnings(_ rows: [SummaryRow], spawnJoinFloorMicros: Double) -> [ResultWarning] {
        var warnings: [ResultWarning] = []
        var outlying: [ResultWarning.OutlyingRow] = []
        for (curve, members) in rows.orderedGroups(by: CurveKey.init) {
            let unstable = members.filter {
                $0.wallMedianSeconds > 0 && $0.repetitions > 1
                    && $0.wallStddevSeconds > unstableFraction * $0.wallMedianSeconds
            }
            if !unstable.isEmpty {
                let worst = unstable.map { $0.wallStddevSeconds / $0.wallMedianSeconds }.max() ?? 0
                warnings.append(.unstable(curve, threads: unstable.map(\.threads), worstFraction: worst,
                                          repetitions: unstable[0].repetitions,
                                          outliers: unstable.reduce(0) { $0 + $1.outliers }))
            }
            for row in members where row.outliers > 0 && !unstable.contains(row) {
                outlying.append(.init(key: BatchKey(row), outliers: row.outliers, repetitions: row.repetitions))
            }
            let small = members.filter { row in
                guard let work = workPerThreadMicros(row), spawnJoinFloorMicros > 0 else { return false }
                return work < spawnJoinMultiple * spawnJoinFloorMicros
            }
            if let least = small.compactMap(workPerThreadMicros).min() {
                warnings.append(.littleWork(curve, threads: small.map(\.threads), leastMicros: least,
                                            multiple: spawnJoinMultiple, floorMicros: spawnJoinFloorMicros))
            }
        }
        if !outlying.isEmpty { warnings.append(.outliers(outlying)) }
        return warnings
    }

    /// The work one thread does in a batch: its share of tasks times the median task time;
    /// nil when the workload reports no task time.
    static func workPerThreadMicros(_ row: SummaryRow) -> Double? {
        guard row.taskP50MedianMillis > 0, row.threads > 0 else { return nil }
        let tasksPerThread = max(1, Double(row.tasks) / Double(row.threads))
        return row.taskP50MedianMillis * 1000 * tasksPerThread
    }
}
