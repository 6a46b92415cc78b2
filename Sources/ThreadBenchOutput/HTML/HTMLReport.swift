import ThreadBenchAnalysis
import ThreadBenchModel

/// One self-contained HTML page of a run: the machine, the answer (findings) first, then per
/// workload its charts and a table per runtime, the precision lines, the models and the warnings.
///
/// No network: the CSS is inline, the charts are inline SVG, there is no script and no web font,
/// so the page reads the same from a file, a CI artifact or a mail attachment, and it prints
/// (`@media print` drops the page's shading and keeps each workload on its own page).
public struct HTMLReport: Sendable {
    /// Creates a report writer.
    public init() {}

    /// The page of an analysed run.
    /// - Parameters:
    ///   - precision: the precision lines (`PrecisionReport`), empty when not known.
    public func render(_ analysis: RunAnalysis, metadata: RunMetadata, complete: Bool, precision: [String] = []) -> String {
        let m = metadata.machine
        let title = "ThreadBench: \(metadata.hostLabel), \(metadata.startedAt)"
        var body = "<header><h1>\(Self.escape(title))</h1>\n"
        body += "<p class=\"machine\">\(Self.escape(m.cpuModel)); \(Self.escape(m.usableCPUsText)); "
            + "\(Self.escape(m.os)), kernel \(Self.escape(m.kernel)); \(m.memoryBytes / (1 << 20)) MiB; "
            + "run \(Self.escape(metadata.runID))" + (complete ? "" : " (cut short)") + "</p></header>\n"
        body += "<section id=\"answer\"><h2>Where threads helped</h2>\n<ul>"
            + analysis.findings.map { "<li>\(Self.escape($0.text))</li>" }.joined(separator: "\n") + "</ul></section>\n"
        if !precision.isEmpty {
            body += "<section id=\"precision\"><h2>How sure</h2>\n<ul>"
                + precision.map { "<li>\(Self.escape($0))</li>" }.joined(separator: "\n") + "</ul></section>\n"
        }
        for (workload, rows) in analysis.summary.orderedGroups(by: \.workload) {
            body += workloadSection(workload, rows, analysis)
        }
        if !analysis.warnings.isEmpty {
            body += "<section id=\"warnings\"><h2>Warnings</h2>\n<ul>"
                + analysis.warnings.map { "<li>\(Self.escape($0.text))</li>" }.joined(separator: "\n") + "</ul></section>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>\(HTMLStyle.css)</style>
        </head><body><main>
        \(body)</main></body></html>

        """
    }

    /// A workload's section: its charts (speedup, and cores busy for computation), a table per
    /// runtime, and its models' sentences.
    private func workloadSection(_ workload: String, _ rows: [SummaryRow], _ analysis: RunAnalysis) -> String {
        let id = Self.identifier(workload)
        var out = "<section class=\"workload\" id=\"workload-\(id)\" data-workload=\"\(Self.escape(workload))\">\n"
        out += "<h2>\(Self.escape(workload)) (\(rows[0].kind.rawValue))</h2>\n"
        for chart in analysis.charts where chart.title.hasPrefix(workload + " ") || chart.title.hasPrefix(workload + ":") {
            let svg = SVGChartReporter().render([chart]).split(separator: "\n", maxSplits: 1).last.map(String.init) ?? ""
            out += "<figure class=\"chart\">\(svg)</figure>\n"
        }
        for (_, group) in rows.orderedGroups(by: CurveKey.init) { out += HTMLTable.render(group) }
        let models = analysis.models.filter { $0.workload == workload }
        if !models.isEmpty {
            out += "<ul class=\"models\">" + models.map { "<li>\(Self.escape($0.sentence))</li>" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// Text made safe for HTML content and attribute values.
    static func escape(_ text: String) -> String { SVGChartReporter.escapeMarkup(CSVText.printable(text)) }

    /// A name as an id: letters and digits kept, anything else a '-'.
    static func identifier(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
