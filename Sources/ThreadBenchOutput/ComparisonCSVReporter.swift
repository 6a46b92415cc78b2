import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

/// Turns a comparison into CSV: one row per measurement found in the baseline and another run.
public struct ComparisonCSVReporter: Sendable {
    /// The columns, units in the names.
    public static let columns = [
        "baseline_label", "baseline_file", "baseline_host", "baseline_cpu_model", "baseline_logical_cpus",
        "baseline_usable_cpus", "other_label", "other_file", "other_host", "other_cpu_model", "other_logical_cpus",
        "other_usable_cpus",
        CSVSchema.workload.name, CSVSchema.kind.name, CSVSchema.runtime.name, CSVSchema.scaling.name,
        CSVSchema.threads.name, "baseline_repetitions", "other_repetitions",
        "baseline_geomean_s", "other_geomean_s", "ratio", "ratio_low", "ratio_high", "interval_level",
        "change_percent", "baseline_speedup", "other_speedup", "p_value", "p_decisive", "resolvable_percent", "test",
        "correction", "alpha", "threshold", CSVSchema.verdict.name,
    ]

    /// Creates a reporter.
    public init() {}

    /// The comparison as CSV text.
    /// - Throws: when the CSV writer fails.
    public func render(_ report: ComparisonReport) throws -> Data {
        let n = CSVText.number
        let rows = report.rows.map { row -> [String] in
            let a = report.runs[0], b = report.runs[row.otherIndex]
            func run(_ r: RecordedRun) -> [String] {
                [CSVText.neutralized(r.label), CSVText.neutralized(URL(fileURLWithPath: r.path).lastPathComponent),
                 CSVText.neutralized(r.metadata.machine.hostname), CSVText.neutralized(r.metadata.machine.cpuModel),
                 String(r.metadata.machine.logicalCPUs), String(r.metadata.machine.usableCPUs)]
            }
            let j = row.judgement
            return run(a) + run(b) + [
                CSVText.neutralized(row.key.workload), row.kind.rawValue, CSVText.neutralized(row.key.runtime.rawValue),
                row.key.scaling.rawValue, String(row.key.threads),
                String(row.baselineWalls.count), String(row.otherWalls.count), n(row.baselineMeanSeconds),
                n(row.otherMeanSeconds), n(row.ratio), j.map { n($0.low) } ?? "", j.map { n($0.high) } ?? "",
                j.map { n($0.level) } ?? "", n(row.changePercent), row.baselineSpeedup.map(n) ?? "",
                row.otherSpeedup.map(n) ?? "", j.map { n($0.p) } ?? "", j.map { n($0.decisivenessP) } ?? "",
                j.map { $0.resolvablePercent.isFinite ? n($0.resolvablePercent) : "" } ?? "",
                report.settings.test.rawValue, report.settings.correction.rawValue, n(report.settings.alpha),
                n(report.settings.threshold), row.verdict.rawValue,
            ]
        }
        return try CSVReporter.render(header: Self.columns, rows: rows)
    }
}
