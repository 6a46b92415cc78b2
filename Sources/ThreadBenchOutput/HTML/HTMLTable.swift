import ThreadBenchModel

/// One runtime's summary rows as an HTML table: wall, speedup and parallelism with intervals,
/// CPU efficiency, rounds and the verdict.
enum HTMLTable {
    static func render(_ rows: [SummaryRow]) -> String {
        let first = rows[0]
        let work = first.taskWork.isSpecified ? " of \(first.taskWork)" : ""
        var out = "<table class=\"summary\" data-runtime=\"\(HTMLReport.escape(first.runtime.rawValue))\">\n"
        out += "<caption>\(HTMLReport.escape(first.workload)) under \(HTMLReport.escape(first.runtime.rawValue)): "
            + "\(first.tasks) tasks\(HTMLReport.escape(work)), \(first.scaling.rawValue) scaling</caption>\n"
        out += "<thead><tr><th>threads</th><th>wall median</th><th>speedup</th><th>95% CI</th><th>parallelism</th>"
            + "<th>95% CI</th><th>CPU eff.</th><th>rounds</th><th>verdict</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let shown = row.verdict != .failed
            let p = row.parallelism
            var cells: [String] = ["\(row.threads)", shown ? TableReporter.duration(row.wallMedianSeconds) : "-"]
            cells.append(TableReporter.speedup(row))
            cells.append(shown && row.threads > 1 ? String(format: "%.2f-%.2f", row.speedupCI95Low, row.speedupCI95High) : "")
            cells.append(p.map { String(format: "%.2f", $0.estimate) } ?? "-")
            cells.append(p.map { row.threads > 1 ? String(format: "%.2f-%.2f", $0.low, $0.high) : "" } ?? "")
            let efficiency: String? = row.cpuEfficiency.map { String(format: "%.2f", $0.estimate) }
            cells.append(row.threads > 1 ? efficiency ?? "-" : "")
            cells.append("\(row.rounds)")
            out += "<tr>" + cells.map { "<td>\(HTMLReport.escape($0))</td>" }.joined()
                + "<td class=\"verdict \(HTMLReport.identifier(row.verdict.rawValue))\">\(HTMLReport.escape(row.verdict.rawValue))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
