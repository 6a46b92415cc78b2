import ArgumentParser
import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage
import ThreadBenchSession

extension ThreadBench {
    /// `threadbench compare A.csv B.csv [more]`: compare runs from different machines or days.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare raw CSVs from different machines or days: the first file is the baseline.",
            discussion: "Rows match on workload, runtime, scaling, threads and work; each gets the ratio of geometric means with a Welch interval, adjusted over the rows, and slower, faster, same or can't tell against --threshold (docs/COMPARE.md).")

        @Argument(help: "Raw CSV files written by 'threadbench run' (not the -summary or -model files).") var files: [String] = []
        @Option(help: "Compare against the named baseline ('run --save-baseline NAME'), as the first file; exit 0, 2 or 4.")
        var baseline: String?
        @Option(help: "The folder of named baselines.") var baselines = "results/baselines"
        @Option(help: "Error rate: q of the false coverage rate, or alpha of holm and none; above 0 and below 1.")
        var alpha = 0.05
        @Option(help: "Half-width of the band of no difference worth having, as a fraction (0.05: 5%).")
        var threshold = 0.05
        @Option(help: "The test each row's interval comes from: welch or mann-whitney.") var test = RatioTest.welch
        @Option(help: "Widening for many rows: fcr (false coverage rate), holm (familywise) or none.")
        var correction = IntervalCorrection.fcr
        @Option(help: "Output: table (or text), csv, markdown or json; with three runs or more, text, Markdown and JSON lead with the runs side by side.") var format = ComparisonFormat.table
        @Option(name: .customLong("fail-on-regression"),
                help: "Exit 2 when a row is called slower by more than this many percent, 4 when rows are only faster by more, else 0 (default 0 with --baseline).")
        var failOnRegressionPercent: Double?

        @Option(help: "Also write an SVG chart with every run's speedup curves to this file.") var chart: String?
        @Option(name: .customLong("match-runtime"), help: "BASELINE=OTHER: compare the first file's rows of runtime BASELINE with the other files' rows of OTHER, e.g. cpython-3.11=cpython-3.14t (repeatable).") var matchRuntime: [String] = []

        func validate() throws {
            guard files.count + (baseline == nil ? 0 : 1) >= 2 else {
                throw ValidationError("compare needs at least two CSV files (or --baseline NAME and one), got \(files.count)")
            }
            guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must be above 0 and below 1") }
            guard threshold >= 0, threshold < 1 else { throw ValidationError("--threshold must be 0 or more and below 1") }
            if let failOnRegressionPercent, !(failOnRegressionPercent >= 0 && failOnRegressionPercent.isFinite) {
                throw ValidationError("--fail-on-regression must be a percentage of 0 or more")
            }
            if let chart, chart.isEmpty { throw ValidationError("--chart needs a file name") }
        }

        func run() throws {
            let report: ComparisonReport
            do {
                let base = try baseline.map { try Baselines(folder: baselines).existing($0) }
                let runs = try ([base].compactMap { $0 } + files).map { try CSVRunReader.read(path: $0) }
                let settings = ComparisonSettings(test: test, correction: correction, alpha: alpha, threshold: threshold)
                report = try ComparisonReport(runs: runs, settings: settings, matching: try matchRuntime.map(RuntimeMatch.init(parsing:)))
            } catch let error where error is ComparisonError || error is Baselines.Problem {
                throw ValidationError("\(error)")  // input compare cannot judge, or a bad baseline: a usage error, 64
            } catch let error as CSVReadError where error.problem == .noRows {
                throw ValidationError(error.description)
            }
            let output = try ComparisonOutput.render(report, format: format)
            if let chart {
                let svg = SVGChartReporter().render(SpeedupChart.charts(report))
                try AtomicFile.write(Data(svg.utf8), to: chart)
            }
            FileHandle.standardOutput.write(output)
            if format == .csv || format == .json { for warning in report.warnings { Terminal.warn(warning.text) } }
            if let chart { Terminal.status("chart: \(chart)\n") }
            guard let limit = failOnRegressionPercent ?? (baseline == nil ? nil : 0) else { return }
            let gate = ComparisonOutput.gate(report, limit: limit)
            for line in gate.lines { Terminal.status("threadbench: \(line)\n") }
            if gate.outcome != .noChange { throw ExitCode(gate.outcome.rawValue) }
        }
    }
}
