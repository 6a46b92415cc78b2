import ArgumentParser
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchOutput

/// `--export-json`, `--export-markdown`, `--export-github-benchmark`, `--export-bencher` and `--html` of `run` and `report`.
struct ExportOptions: ParsableArguments {
    @Option(name: .customLong("export-json"), help: "Also write the run as JSON (docs/threadbench-export.schema.json).") var json: String?
    @Option(name: .customLong("export-markdown"), help: "Also write the findings and tables as Markdown (a CI job summary).") var markdown: String?
    @Option(name: .customLong("export-github-benchmark"), help: "Also write github-action-benchmark files: FILE (speedup, parallelism; bigger is better) and FILE-wall.json (wall medians; smaller is better).") var githubBenchmark: String?
    @Option(name: .customLong("export-bencher"), help: "Also write Bencher Metric Format JSON.") var bencher: String?
    @Option(help: "Also write one self-contained HTML page: findings, charts, tables (no network needed).") var html: String?

    var exports: RunExports { RunExports(json: json, markdown: markdown, githubBenchmark: githubBenchmark, bencher: bencher, html: html) }

    func validate() throws {
        for path in exports.paths { if let problem = RunExports.problem(writing: path) { throw ValidationError(problem) } }
    }

    /// Writes the exports asked for and says where.
    func write(_ analysis: RunAnalysis, metadata: RunMetadata, complete: Bool, precision: [String]) throws {
        for path in try exports.write(analysis, metadata: metadata, complete: complete, precision: precision) {
            print("export: \(path)")
        }
    }
}
