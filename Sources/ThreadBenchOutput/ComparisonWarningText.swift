import ThreadBenchAnalysis
import ThreadBenchModel

extension ComparisonWarning {
    /// The warning in one sentence, e.g. "a.csv comes from a debug build; its times are not results".
    public var text: String {
        switch self {
        case .debugBuild(let path):
            "\(path) comes from a debug build; its times are not results"
        case .cutShort(let path):
            "\(path) is from a run that was cut short (run_complete=false)"
        case let .pooledRuns(path, runs):
            "\(path) holds \(runs) runs; their repetitions are pooled and the metadata shown is the first run's"
        case let .failedBatches(path, batches):
            "\(path): \(batches) failed or timed-out batches are left out of the comparison"
        case let .machineChecks(path, baselinePath, differences):
            "\(path) was measured under different machine checks than \(baselinePath): "
                + differences.map { "\($0.name) \($0.here) here, \($0.there) there" }.joined(separator: ", ")
                + "; a difference may be the machine's, not the code's"
        case let .differentWork(baseline, other, rows, differences):
            "\(rows) rows did different work per task in \(baseline) and \(other) and are not compared: "
                + WorkDifference.text(differences, limit: 3)
        case let .differentTasks(baseline, other, rows):
            "\(other) ran a different number of tasks than \(baseline) for "
                + rows.prefix(3).map { "\($0.key.workload) at \($0.key.threads) threads (\($0.baseline) vs \($0.other))" }
                    .joined(separator: ", ")
                + (rows.count > 3 ? ", ..." : "")
                + "; their wall times measure different work (compare quick runs with quick runs)"
        case let .unmatchedRows(baseline, onlyBaseline, other, onlyOther):
            "\(onlyBaseline) rows only in \(baseline) and \(onlyOther) only in \(other) are not compared"
        case let .fewRounds(baseline, other, rows):
            "\(rows) rows of \(other) against \(baseline) have fewer than 2 rounds on a side, so no interval: "
                + "they read \"can't tell\"; measure 5 or more rounds"
        case let .runtimeMatched(baseline, baselineLabel, other, otherLabel):
            "rows of \(other) in \(otherLabel) are compared with rows of \(baseline) in \(baselineLabel), "
                + "under the name \(baseline)"
        }
    }
}

extension WorkDifference {
    /// The first `limit` differences: "math under cpython at 1, 2 threads (8000 iterations vs
    /// unknown)", with ", ..." when there are more.
    static func text(_ differences: [WorkDifference], limit: Int) -> String {
        differences.prefix(limit).map { difference in
            let threads = difference.threads.map(String.init).joined(separator: ", ")
            return "\(difference.curve.workload) under \(difference.curve.runtime) at \(threads) threads "
                + "(\(works(difference.baseline)) vs \(works(difference.other)))"
        }.joined(separator: ", ") + (differences.count > limit ? ", ..." : "")
    }

    private static func works(_ works: Set<TaskWork>) -> String {
        works.map(\.description).sorted().joined(separator: " and ")
    }
}
