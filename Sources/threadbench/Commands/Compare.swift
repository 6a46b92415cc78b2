import ArgumentParser
import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage

extension ThreadBench {
    /// `threadbench compare A.csv B.csv [more]`: compare runs from different machines or days.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare raw CSVs from different machines or days: the first file is the baseline.",
            discussion: """
            Rows are matched on workload, runtime, scaling and thread count; failed or timed-out batches are \
            left out. For each row: the ratio of median wall times (other / baseline) with its 95% bootstrap \
            interval, a two-sided Mann-Whitney U test on the repetitions, its p-value Holm-adjusted over the \
            rows of the comparison, and a verdict from that: faster, slower, no significant difference, or \
            too-few-repetitions when the repetitions cannot reach alpha at all.
            """)

        @Argument(help: "Raw CSV files written by 'threadbench run' (not the -summary or -model files).") var files: [String] = []
        @Option(help: "Significance level of the U test, above 0 and below 1.") var alpha = 0.05
        @Option(help: "Output: table, csv or markdown.") var format = ComparisonFormat.table
        @Option(name: .customLong("fail-on-regression"),
                help: "Exit with status 2 when a row is significantly slower (Holm-adjusted) by more than this many percent.")
        var failOnRegressionPercent: Double?

        @Option(help: "Also write an SVG chart with every run's speedup curves to this file.") var chart: String?

        func validate() throws {
            guard files.count >= 2 else {
                throw ValidationError("compare needs at least two CSV files, got \(files.count)")
            }
            guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must be above 0 and below 1") }
            if let failOnRegressionPercent, !(failOnRegressionPercent >= 0 && failOnRegressionPercent.isFinite) {
                throw ValidationError("--fail-on-regression must be a percentage of 0 or more")
            }
            if let chart, chart.isEmpty { throw ValidationError("--chart needs a file name") }
        }

        func run() throws {
            let runs = try files.map { try CSVRunReader.read(path: $0) }
            let report = try ComparisonReport(runs: runs, alpha: alpha)
            let output: Data
            switch format {
            case .table: output = Data(ComparisonTableReporter(markdown: false).render(report).utf8)
            case .markdown: output = Data(ComparisonTableReporter(markdown: true).render(report).utf8)
            case .csv: output = try ComparisonCSVReporter().render(report)
            }
            if let chart {
                let svg = SVGChartReporter().render(SpeedupChart.charts(report))
                try AtomicFile.write(Data(svg.utf8), to: chart)
            }
            FileHandle.standardOutput.write(output)
            if format == .csv { for line in report.warnings { Terminal.warn(line) } }
            if let chart { Terminal.status("chart: \(chart)\n") }
            if let limit = failOnRegressionPercent {
                let lines = report.regressionLines(beyondPercent: limit)
                for line in lines { Terminal.status("threadbench: \(CSVText.printable(line))\n") }
                if !lines.isEmpty { throw ExitCode(2) }
            }
        }
    }
}
