import Foundation
import ThreadBenchAnalysis

/// What `compare` writes: the report in the format asked for, and the lines and status of the gate.
public enum ComparisonOutput {
    /// The report as bytes: with three runs or more, text, Markdown and JSON lead with the runs side by side.
    public static func render(_ report: ComparisonReport, format: ComparisonFormat) throws -> Data {
        let matrix = ComparisonMatrix(report)
        let many = report.runs.count > 2
        switch format {
        case .table, .text, .markdown:
            let markdown = format == .markdown
            return Data(((many ? ComparisonMatrixReporter().render(matrix, markdown: markdown) : "")
                + ComparisonTableReporter(markdown: markdown).render(report)).utf8)
        case .csv: return try ComparisonCSVReporter().render(report)
        case .json: return try ComparisonMatrixReporter().json(matrix, report)
        }
    }

    /// The gate of a CI job at `limit` percent: its outcome (the exit status) and one line per
    /// row behind it (the regressions, or the improvements when there is none).
    public static func gate(_ report: ComparisonReport, limit: Double) -> (outcome: ComparisonOutcome, lines: [String]) {
        let outcome = report.outcome(beyondPercent: limit)
        let rows = outcome == .regression ? report.regressions(beyondPercent: limit) : report.improvements(beyondPercent: limit)
        return (outcome, outcome == .noChange ? [] : RegressionLines.lines(report, rows))
    }
}
