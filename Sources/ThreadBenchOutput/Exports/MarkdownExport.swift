import ThreadBenchAnalysis
import ThreadBenchModel

/// A run as Markdown for a CI job summary: the machine, the findings first, then a table per
/// workload and runtime (speedup and parallelism with their intervals, verdict), warnings last.
public enum MarkdownExport {
    /// The Markdown text of an analysed run.
    public static func render(_ analysis: RunAnalysis, metadata: RunMetadata, precision: [String] = []) -> String {
        let m = metadata.machine
        var out = "# ThreadBench: \(escape(metadata.hostLabel)), \(metadata.startedAt)\n\n"
        out += "\(escape(m.cpuModel)), \(m.usableCPUsText), \(escape(m.os)) \(escape(m.kernel))\n\n"
        out += "## Where threads helped\n\n"
        out += analysis.findings.map { "- " + escape($0.text) }.joined(separator: "\n") + "\n\n"
        for (_, group) in analysis.summary.orderedGroups(by: CurveKey.init) {
            let first = group[0]
            out += "## \(escape(first.workload)) under \(escape(first.runtime.rawValue))\n\n"
            out += "| threads | wall median | speedup | 95% CI | parallelism | 95% CI | rounds | verdict |\n"
            out += "|---:|---:|---:|---|---:|---|---:|---|\n"
            for row in group {
                let shown = row.verdict != .failed
                let p = row.parallelism
                out += "| \(row.threads) | " + (shown ? TableReporter.duration(row.wallMedianSeconds) : "-")
                    + " | \(TableReporter.speedup(row)) | "
                    + (shown && row.threads > 1 ? fmt(row.speedupCI95Low) + "-" + fmt(row.speedupCI95High) : "")
                    + " | " + (p.map { fmt($0.estimate) } ?? "-") + " | "
                    + (p.map { row.threads > 1 ? fmt($0.low) + "-" + fmt($0.high) : "" } ?? "")
                    + " | \(row.rounds) | \(row.verdict.rawValue) |\n"
            }
            out += "\n"
        }
        if !precision.isEmpty { out += "## Precision\n\n" + precision.map { "- " + escape($0) }.joined(separator: "\n") + "\n\n" }
        if !analysis.warnings.isEmpty {
            out += "## Warnings\n\n" + analysis.warnings.map { "- " + escape($0.text) }.joined(separator: "\n") + "\n"
        }
        return out
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Text made safe inside a Markdown table or list: pipes escaped, one line.
    static func escape(_ text: String) -> String {
        CSVText.printable(text).replacingOccurrences(of: "|", with: "\\|")
    }
}
