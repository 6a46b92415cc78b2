import ArgumentParser
import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage
import ThreadBenchSession

extension ThreadBench {
    /// `threadbench report RUN.csv`: chart a run's speedup curves and state its scaling models.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a run's speedup against threads as an SVG chart, and fit its scaling models.")

        @Argument(help: "A raw CSV file written by 'threadbench run'.") var file: String
        @Option(help: "The SVG file to write (default: the CSV's name with -chart.svg).") var out: String?
        @OptionGroup var export: ExportOptions

        func validate() throws {
            if let out, out.isEmpty { throw ValidationError("--out needs a file name") }
        }

        func run() throws {
            let run = try CSVRunReader.read(path: file)
            let analysis = RunAnalysis(run)
            let target = out ?? Self.defaultChartPath(for: file)
            try AtomicFile.write(Data(SVGChartReporter().render(analysis.charts).utf8), to: target)
            for model in analysis.models { print(CSVText.printable(model.sentence)) }
            try export.write(analysis, metadata: run.metadata, complete: run.complete, precision: [])
            for warning in analysis.warnings { Terminal.warn(warning.text) }
            if !run.complete { Terminal.warn("\(file) is from a run that was cut short (run_complete=false)") }
            print("chart: \(target)")
        }

        /// `x.csv` -> `x-chart.svg`, beside it.
        static func defaultChartPath(for csv: String) -> String {
            (csv.hasSuffix(".csv") ? String(csv.dropLast(4)) : csv) + "-chart.svg"
        }
    }
}
