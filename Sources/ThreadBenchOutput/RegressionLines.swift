import Foundation
import ThreadBenchAnalysis

extension ComparisonReport {
    /// One line per row significantly slower (Holm-adjusted) by more than `percent`, e.g.
    /// "regression: math under swift at 2 threads is 12.0% slower in b (Holm-adjusted p = 0.0079)".
    public func regressionLines(beyondPercent percent: Double) -> [String] {
        regressions(beyondPercent: percent).map { row in
            String(format: "regression: %@ under %@ at %d threads is %.1f%% slower in %@ (Holm-adjusted p = %.4f)",
                   row.key.workload, row.key.runtime.rawValue, row.key.threads, row.changePercent,
                   runs[row.otherIndex].label, row.adjustedP)
        }
    }
}
