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
        "baseline_median_s", "other_median_s", "ratio", "ratio_ci95_low", "ratio_ci95_high", "change_percent",
        "baseline_speedup", "other_speedup", "u", "p_value", "p_holm", "p_adjustment", "test_method", "alpha",
        CSVSchema.verdict.name,
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
            return run(a) + run(b) + [
                CSVText.neutralized(row.key.workload), row.kind.rawValue, CSVText.neutralized(row.key.runtime.rawValue),
                row.key.scaling.rawValue, String(row.key.threads),
                String(row.baselineWalls.count), String(row.otherWalls.count), n(row.baselineMedianSeconds),
                n(row.otherMedianSeconds), n(row.ratio), n(row.ratioCI95Low), n(row.ratioCI95High),
                n(row.changePercent), row.baselineSpeedup.map(n) ?? "", row.otherSpeedup.map(n) ?? "",
                n(row.test.u), n(row.test.p), n(row.adjustedP), ComparisonReport.pAdjustment,
                row.test.method.rawValue, n(report.alpha), row.verdict.rawValue,
            ]
        }
        return try CSVReporter.render(header: Self.columns, rows: rows)
    }
}
