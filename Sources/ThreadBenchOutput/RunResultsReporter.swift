import ThreadBenchAnalysis
import ThreadBenchStorage

/// A finished run as the terminal shows it: the summary tables, the findings, how sure they
/// are, the caveats and the model sentences; then where its files went.
public enum RunResultsReporter {
    /// The results, for the reader.
    /// - Parameters:
    ///   - analysis: what the run's records say.
    ///   - precisionLines: one line per workload saying how many cells met the precision target.
    ///   - caveats: one sentence per workload that measures something other than it seems to.
    public static func render(_ analysis: RunAnalysis, precisionLines: [String], caveats: [String]) -> String {
        var text = TableReporter().render(analysis.summary)
        for finding in analysis.findings { text += finding.text + "\n" }
        for line in precisionLines { text += line + "\n" }
        for caveat in caveats { text += "note: \(caveat)\n" }
        text += "\n"
        for model in analysis.models where model.kind != .mixed { text += model.sentence + "\n" }
        return text
    }

    /// The four files written, a line each.
    public static func files(_ paths: ResultPaths) -> String {
        "\nresults: \(paths.raw)\n         \(paths.summary)\n         \(paths.model)\n         \(paths.chart)\n"
    }
}
