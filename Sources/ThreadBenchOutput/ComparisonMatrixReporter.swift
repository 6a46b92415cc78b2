import Foundation
import TextTable
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

/// Writes `ComparisonMatrix`: many runs side by side, as text, Markdown or JSON.
public struct ComparisonMatrixReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The matrix as aligned text or Markdown: the geometric means, where threads helped most,
    /// then one row per workload x runtime x thread count with "speedup / parallelism" per run.
    public func render(_ matrix: ComparisonMatrix, markdown: Bool) -> String {
        var out = markdown ? "## Runs side by side\n\n" : "Runs side by side\n\n"
        for (index, label) in matrix.labels.enumerated() {
            let mean = matrix.geometricMeanRatios[index]
            let text = index == 0 ? "the baseline"
                : mean.map { String(format: "%.3fx the baseline's wall time (geometric mean over %d rows)", $0.ratio, $0.rows) }
                ?? "no rows of the same work as the baseline"
            out += (markdown ? "- " : "  ") + "\(CSVText.printable(label)): \(text)\n"
        }
        out += "\n" + (markdown ? "Where threads helped most:\n\n" : "Where threads helped most:\n")
        for (workload, runs) in matrix.best {
            let parts = zip(matrix.labels, runs).map { label, best in
                "\(label) " + (best.map { String(format: "%.2fx (%@, %d threads)", $0.speedup, $0.runtime.rawValue, $0.threads) } ?? "-")
            }
            out += (markdown ? "- " : "  ") + CSVText.printable("\(workload): " + parts.joined(separator: "; ")) + "\n"
        }
        out += "\n"
        let header = [CSVSchema.workload, CSVSchema.runtime, CSVSchema.threads].names() + matrix.labels.map { "\($0): speedup / parallelism" }
        let lines = matrix.rows.map { row in
            [row.workload, row.runtime.rawValue + (row.scaling == .weak ? " (weak)" : ""), String(row.threads)]
                + row.cells.map { cell in
                    cell.map { String(format: "%.2fx / ", $0.speedup) + ($0.parallelism.map { String(format: "%.2f", $0) } ?? "-") }
                        ?? "-"
                }
        }
        return out + (markdown ? Self.markdownTable(header, lines) : Self.textTable(header, lines)) + "\n"
    }

    /// The matrix and the pairwise verdicts as JSON, keys sorted.
    public func json(_ matrix: ComparisonMatrix, _ report: ComparisonReport) throws -> Data {
        struct Run: Encodable { var label: String; var geometricMeanRatio: Double?; var rowsInCommon: Int? }
        struct Cell: Encodable { var speedup: Double; var parallelism: Double?; var verdict: String }
        struct Row: Encodable { var workload, runtime, scaling: String; var threads: Int; var runs: [Cell?] }
        struct Pair: Encodable {
            var other: String; var workload, runtime, scaling: String; var threads: Int
            var ratio: Double; var low, high: Double?; var verdict: String
        }
        struct Document: Encodable { var runs: [Run]; var rows: [Row]; var comparisons: [Pair] }
        let document = Document(
            runs: matrix.labels.enumerated().map { Run(label: $1, geometricMeanRatio: matrix.geometricMeanRatios[$0]?.ratio,
                                                        rowsInCommon: matrix.geometricMeanRatios[$0]?.rows) },
            rows: matrix.rows.map { row in
                Row(workload: row.workload, runtime: row.runtime.rawValue, scaling: row.scaling.rawValue,
                    threads: row.threads,
                    runs: row.cells.map { $0.map { Cell(speedup: $0.speedup, parallelism: $0.parallelism, verdict: $0.verdict.rawValue) } })
            },
            comparisons: report.rows.map { row in
                Pair(other: report.runs[row.otherIndex].label, workload: row.key.workload, runtime: row.key.runtime.rawValue,
                     scaling: row.key.scaling.rawValue, threads: row.key.threads, ratio: row.ratio,
                     low: row.judgement?.low, high: row.judgement?.high, verdict: row.verdict.rawValue)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(document) + Data("\n".utf8)
    }

    private static func textTable(_ header: [String], _ lines: [[String]]) -> String {
        let table = TextTable<[String]> { line in
            line.enumerated().map { Column(title: header[$0], value: CSVText.printable($1), align: $0 < 2 ? .left : .right) }
        }
        return table.string(for: lines, style: Style.simple) ?? ""
    }

    private static func markdownTable(_ header: [String], _ lines: [[String]]) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { CSVText.printable($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return row(header) + "|" + header.indices.map { $0 < 2 ? "---|" : "---:|" }.joined() + "\n" + lines.map(row).joined()
    }
}
