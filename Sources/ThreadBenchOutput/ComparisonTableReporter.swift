import Foundation
import TextTable
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

/// The ways a comparison can be written out.
public enum ComparisonFormat: String, Sendable, CaseIterable {
    /// Aligned plain-text tables, for a person at a terminal.
    case table
    /// The same as `table`.
    case text
    /// One CSV row per compared row, for pandas, R or a spreadsheet.
    case csv
    /// GitHub-flavoured Markdown tables, for pasting into an issue or a pull request.
    case markdown
    /// The runs side by side and every row's verdict as one JSON document.
    case json
}

/// Turns a comparison into text tables: the machines side by side, one row per compared
/// measurement with its verdict, and the speedup curves; plain text or Markdown.
public struct ComparisonTableReporter: Sendable {
    /// Markdown pipe tables when true, plain aligned tables otherwise.
    public var markdown: Bool

    /// Creates a reporter.
    public init(markdown: Bool) { self.markdown = markdown }

    /// The whole comparison as text.
    public func render(_ report: ComparisonReport) -> String {
        var out = heading("Machines") + table(machineHeader(report), machineRows(report)) + "\n"
        for other in 1..<report.runs.count {
            let rows = report.rows.filter { $0.otherIndex == other }
            let level = rows.compactMap(\.judgement?.level).first
            let title = "\(report.runs[other].label) against \(report.runs[0].label) (wall time ratio of geometric "
                + "means; \(Self.settingsText(report.settings, level: level, rows: rows.count)))"
            out += heading(title)
            out += table(Self.keyHeader + ["n", "baseline", "other", "ratio", "interval", "change", "p", "resolves",
                                           CSVSchema.verdict.name],
                         rows.map(rowCells))
            let counts = ComparisonVerdict.allCases.map { v in "\(rows.filter { $0.verdict == v }.count) \(v.rawValue)" }
            out += (markdown ? "\n" : "") + counts.joined(separator: ", ") + "\n\n"
            out += threading(report, other: other)
        }
        if !report.curves.isEmpty {
            out += heading("Speedup curves (against 1 thread of the same run)")
            let labels = report.runs.map(\.label)
            for curve in report.curves {
                out += (markdown ? "**" : "") + escaped("\(curve.workload) under \(curve.runtime), \(curve.scaling.rawValue) scaling")
                    + (markdown ? "**\n\n" : "\n")
                let cells = curve.threads.enumerated().map { index, n in
                    [String(n)] + curve.speedups.map { $0[index].map { String(format: "%.2fx", $0) } ?? "-" }
                }
                let cores = ["usable CPUs"] + report.runs.map { String($0.metadata.machine.usableCPUs) }
                out += table([CSVSchema.threads.name] + labels.map(text), cells + [cores])
                for (label, model) in zip(labels, curve.models) {
                    if let model { out += (markdown ? "- " : "  ") + CSVText.printable("\(label): \(model.sentence)") + "\n" }
                }
                out += "\n"
            }
        }
        if !report.warnings.isEmpty {
            out += heading("Warnings")
            for warning in report.warnings { out += (markdown ? "- " : "") + CSVText.printable(warning.text) + "\n" }
        }
        return out
    }

    private func heading(_ text: String) -> String {
        markdown ? "### \(escaped(text))\n\n" : "\(CSVText.printable(text))\n"
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        let table = TextTable<[String]> { row in
            header.indices.map { i in
                Column(title: escaped(header[i]), value: escaped(row[i]), align: i == 0 ? .left : .right)
            }
        }
        let text = markdown ? table.string(for: rows, style: Style.pipe) : table.string(for: rows, style: Style.simple)
        return (text ?? "") + "\n"
    }

    /// A cell on one printable line (a hostile CSV may hold line breaks or escape
    /// sequences), with Markdown's pipe escaped.
    private func escaped(_ text: String) -> String {
        let line = CSVText.printable(text)
        return markdown ? line.replacingOccurrences(of: "|", with: "\\|") : line
    }

    private func machineHeader(_ report: ComparisonReport) -> [String] {
        [""] + report.runs.map { text($0.label) }
    }

    /// Text from a file (a label, a workload name): in Markdown, which may be pasted into a
    /// spreadsheet, a cell that would run as a formula gets a leading apostrophe.
    private func text(_ value: String) -> String {
        markdown ? CSVText.neutralized(value) : value
    }

    /// The headings of a row's key: the CSV's names for them.
    private static let keyHeader = [CSVSchema.workload, CSVSchema.runtime, CSVSchema.scaling, CSVSchema.threads].names()

    private func machineRows(_ report: ComparisonReport) -> [[String]] {
        let runs = report.runs
        func line(_ name: String, _ value: (RecordedRun) -> String) -> [String] { [name] + runs.map { text(value($0)) } }
        return [
            line("file") { URL(fileURLWithPath: $0.path).lastPathComponent },
            line("host") { $0.metadata.machine.hostname },
            line("CPU") { $0.metadata.machine.cpuModel },
            line("cores") { String($0.metadata.machine.logicalCPUs) },
            line("usable CPUs") { "\($0.metadata.machine.usableCPUs) (limit: \($0.metadata.machine.cpuLimitText))" },
            line("memory") { String(format: "%.1f GiB", Double($0.metadata.machine.memoryBytes) / 1_073_741_824) },
            line("OS") { $0.metadata.machine.os },
            line(CSVSchema.kernel.name) { $0.metadata.machine.kernel },
            line(CSVSchema.arch.name) { $0.metadata.machine.arch },
            line("Swift") { $0.swiftVersion },
            line("threadbench") { "\($0.threadbenchVersion) (\($0.buildConfiguration))" },
            line("started") { $0.metadata.startedAt },
            line("spawn+join") { String(format: "%.0f us", $0.metadata.spawnJoinFloorMicros) },
        ]
    }

    private func rowCells(_ row: ComparisonRow) -> [String] {
        let judgement = row.judgement
        return [text(row.key.workload), text(row.key.runtime.rawValue), row.key.scaling.rawValue,
                String(row.key.threads), "\(row.baselineWalls.count)/\(row.otherWalls.count)",
                TableReporter.duration(row.baselineMeanSeconds), TableReporter.duration(row.otherMeanSeconds),
                String(format: "%.3f", row.ratio), judgement.map { Self.interval($0) } ?? "-",
                String(format: "%+.1f%%", row.changePercent), judgement.map { Self.pValue($0.p) } ?? "-",
                row.verdict == .cantTell ? judgement.map { Self.resolvable($0) } ?? "-" : "", row.verdict.rawValue]
    }

    /// The threading rows of one comparison: a table, the sentences of the rows that decide, notes.
    private func threading(_ report: ComparisonReport, other: Int) -> String {
        let rows = report.threading.filter { $0.otherIndex == other }
        guard !rows.isEmpty else { return "" }
        let labels = (a: report.runs[0].label, b: report.runs[other].label)
        var out = heading("Threading: \(labels.b) against \(labels.a) (per-round speedup and parallelism against "
            + "1 thread; ratio of geometric means, judged as above, each figure over its own rows)")
        out += table((Self.keyHeader + ["figure", "n", labels.a, labels.b, "ratio", "interval", "outcome"]).map(text),
                     rows.map { ComparisonThreadingText.cells($0).enumerated().map { $0 < 2 ? text($1) : $1 } })
        let lines = rows.compactMap { ComparisonThreadingText.sentence($0, otherLabel: labels.b, baselineLabel: labels.a) }
            + ComparisonThreadingText.missingParallelism(rows, runs: report.runs, other: other)
        for line in lines { out += (markdown ? "- " : "  ") + escaped(line) + "\n" }
        return out + "\n"
    }

    /// "Welch's t on log values, false-coverage-rate intervals at q 0.05 (level 97.4% over 126 rows), band +-5%".
    static func settingsText(_ settings: ComparisonSettings, level: Double?, rows: Int) -> String {
        let test = settings.test == .welch ? "Welch's t on log walls" : "Mann-Whitney U on log walls"
        let levelText = level.map { String(format: "level %.2f%%", $0 * 100) } ?? "no intervals"
        let correction: String
        switch settings.correction {
        case .fcr: correction = String(format: "false-coverage-rate intervals at q %g", settings.alpha)
        case .holm: correction = String(format: "familywise (Holm/Bonferroni) intervals at alpha %g", settings.alpha)
        case .none: correction = String(format: "unadjusted intervals at alpha %g", settings.alpha)
        }
        return "\(test), \(correction) (\(levelText) over \(rows) rows), threshold "
            + String(format: "%g%%", settings.threshold * 100)
    }

    private static func interval(_ judgement: RatioJudgement) -> String {
        String(format: "%.3f-%.3f", judgement.low, judgement.high)
    }

    /// The smallest change the row could call: "+-12%", or "-" when its interval is unbounded.
    private static func resolvable(_ judgement: RatioJudgement) -> String {
        judgement.resolvablePercent.isFinite ? String(format: "+-%.0f%%", judgement.resolvablePercent) : "none"
    }

    /// A p-value with enough digits to read, and no false precision.
    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "<0.001" : String(format: "%.3f", p)
    }
}
