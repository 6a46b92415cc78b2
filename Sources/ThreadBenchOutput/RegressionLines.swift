import ThreadBenchAnalysis
import ThreadBenchModel

/// One line per row that gated a comparison: a regression or an improvement past the limit.
public enum RegressionLines {
    /// "regression: math under swift at 2 threads is 12.3% slower in b (interval ... at level ...)".
    public static func lines(_ report: ComparisonReport, _ rows: [ComparisonRow]) -> [String] {
        rows.map { row in
            let slower = row.verdict == .slower
            return CSVText.printable(String(
                format: "%@: %@ under %@ at %d threads is %.1f%% %@ in %@ (interval %.3f-%.3f at level %.4f)",
                slower ? "regression" : "improvement", row.key.workload, row.key.runtime.rawValue, row.key.threads,
                abs(row.changePercent), slower ? "slower" : "faster", report.runs[row.otherIndex].label,
                row.judgement?.low ?? .nan, row.judgement?.high ?? .nan, row.judgement?.level ?? .nan))
        }
    }
}
