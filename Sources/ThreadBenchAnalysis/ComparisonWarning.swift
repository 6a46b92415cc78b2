import ThreadBenchModel

/// Something to know before trusting a comparison's verdicts, with the figures behind it;
/// Output says it in a sentence (`ComparisonWarning.text`). Runs are named by their file
/// (`path`) where the warning is about a file, by their label where it is about a comparison.
public enum ComparisonWarning: Sendable, Equatable {
    /// The run comes from a debug build.
    case debugBuild(path: String)
    /// The run was cut short (run_complete=false).
    case cutShort(path: String)
    /// The file holds `runs` runs, whose repetitions are pooled.
    case pooledRuns(path: String, runs: Int)
    /// The file's `batches` failed or timed-out batches are left out.
    case failedBatches(path: String, batches: Int)
    /// The run was measured under other machine checks than the baseline.
    case machineChecks(path: String, baselinePath: String, differences: [CheckDifference])
    /// Rows that did different work per task in the two runs and are not compared.
    case differentWork(baseline: String, other: String, rows: Int, differences: [WorkDifference])
    /// Rows compared although the other run ran a different number of tasks.
    case differentTasks(baseline: String, other: String, rows: [TaskCounts])
    /// Rows only one of the runs has, not compared.
    case unmatchedRows(baseline: String, onlyBaseline: Int, other: String, onlyOther: Int)
    /// `rows` rows with fewer than 2 rounds on a side: no interval, "can't tell".
    case fewRounds(baseline: String, other: String, rows: Int)
    /// The other run's rows of `other` stand in for the baseline's rows of `baseline`
    /// (`compare --match-runtime`), under the baseline's name.
    case runtimeMatched(baseline: Runtime, baselineLabel: String, other: Runtime, otherLabel: String)

    /// A machine check whose state differs between a run and the baseline.
    public struct CheckDifference: Sendable, Equatable {
        /// The check's name ("aslr").
        public var name: String
        /// Its state in the run, and in the baseline.
        public var here, there: String
    }

    /// A row whose two runs ran different task counts.
    public struct TaskCounts: Sendable, Equatable {
        public var key: BatchKey
        /// The baseline's tasks, and the other run's.
        public var baseline, other: Int
    }
}
