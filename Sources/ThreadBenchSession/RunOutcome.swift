import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage

/// What a finished run leaves: what its records say, where its files are, and the workloads' caveats.
public struct RunOutcome: Sendable {
    /// The summary, models, warnings, findings and failure lines of the run's records.
    public let analysis: RunAnalysis
    /// The files written.
    public let paths: ResultPaths
    /// One sentence per workload that measures something other than it seems to.
    public let caveats: [String]
    /// How many cells met the precision target, per workload.
    public let precision: PrecisionReport
    /// The run and machine the records came from.
    public let metadata: RunMetadata

    /// Whether any batch ran without an error or a timeout; a run without one measured nothing.
    public var hasSuccessfulBatch: Bool { analysis.records.contains { !$0.failed } }

    /// The summary table, the findings, the caveats and the model sentences, for the reader.
    public var resultsText: String {
        var text = TableReporter().render(analysis.summary)
        for line in analysis.findings { text += line + "\n" }
        for line in precision.workloadLines { text += line + "\n" }
        for caveat in caveats { text += "note: \(caveat)\n" }
        text += "\n"
        for model in analysis.models where model.kind != .mixed { text += model.sentence + "\n" }
        return text
    }

    /// The four files written, a line each.
    public var filesText: String {
        "\nresults: \(paths.raw)\n         \(paths.summary)\n         \(paths.model)\n         \(paths.chart)\n"
    }
}
