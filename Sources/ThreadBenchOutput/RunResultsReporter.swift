import ThreadBenchAnalysis
import ThreadBenchStorage

/// A finished run as the terminal shows it: the answer first (where threads helped, a sentence
/// per workload), a compact view of the verdicts, how sure they are and the caveats; the full
/// tables and the model sentences only with `details`; then where its files went.
public enum RunResultsReporter {
    /// The results, for the reader.
    /// - Parameters:
    ///   - analysis: what the run's records say.
    ///   - precisionLines: one line per workload saying how many cells met the precision target.
    ///   - caveats: one sentence per workload that measures something other than it seems to.
    ///   - details: the tables per workload and runtime and the model sentences as well.
    public static func render(_ analysis: RunAnalysis, precisionLines: [String], caveats: [String],
                              details: Bool = false) -> String {
        var text = details ? TableReporter().render(analysis.summary) : ""
        for finding in analysis.findings { text += finding.text + "\n" }
        let compact = CompactView.render(analysis.summary)
        if !compact.isEmpty { text += "\n" + compact }
        text += "\n"
        for line in precisionLines { text += line + "\n" }
        for caveat in caveats { text += "note: \(caveat)\n" }
        if details {
            text += "\n"
            for model in analysis.models where model.kind != .mixed { text += model.sentence + "\n" }
        } else {
            text += "(the tables per workload and runtime and the scaling models: --details, or the summary and model CSVs)\n"
        }
        return text
    }

    /// The four files written, a line each.
    public static func files(_ paths: ResultPaths) -> String {
        "\nresults: \(paths.raw)\n         \(paths.summary)\n         \(paths.model)\n         \(paths.chart)\n"
    }
}
