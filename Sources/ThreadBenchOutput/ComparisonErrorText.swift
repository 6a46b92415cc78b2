import ThreadBenchAnalysis

extension ComparisonError: CustomStringConvertible {
    /// The error in one line, naming the files.
    public var description: String {
        switch self {
        case .tooFewRuns:
            "compare needs at least two CSV files"
        case .noRounds(let path):
            "\(path) has no row with 2 or more successful rounds; compare needs rounds to judge a difference"
        case let .nothingInCommon(baseline, other):
            "\(baseline) and \(other) have no rows in common (no workload, runtime, scaling and thread "
                + "count measured in both)"
        case let .differentWork(baseline, other, differences):
            "\(baseline) and \(other) have no rows of the same work per task "
                + "(\(WorkDifference.text(differences, limit: 1))); compare runs made with the same sizes"
        case .badRuntimeMatch(let text):
            "'\(text)': a runtime match is BASELINE=OTHER, two different runtime names (cpython-3.11=cpython-3.14t)"
        case let .runtimeNotInRun(runtime, path, present):
            "\(path) has no \(runtime) rows (it has " + present.map(\.rawValue).joined(separator: ", ") + ")"
        }
    }
}
