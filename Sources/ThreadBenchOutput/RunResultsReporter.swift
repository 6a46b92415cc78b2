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
        // The emulated GIL against CPython, side by side, is a detail of the answer.
        for finding in analysis.findings where details || !finding.isRuntimeGap { text += finding.text + "\n" }
        let compact = CompactView.render(analysis.summary)
        if !compact.isEmpty { text += "\n" + compact }
        text += "\n"
        for line in precisionLines { text += line + "\n" }
        for caveat in caveats { text += "note: \(caveat)\n" }
        if details {
            text += "\n"
            for model in analysis.models where model.kind != .mixed { text += model.sentence + "\n" }
        } else {
            text += "(tables, models, the emulated GIL against CPython, every warning: --details)\n"
        }
        return text
    }

    /// The four files written, a line each (with `details`), or the raw file and the others' endings.
    public static func files(_ paths: ResultPaths, details: Bool = true) -> String {
        guard details else { return "results: \(paths.raw) (+ summary, model, chart)\n" }
        return "\nresults: \(paths.raw)\n         \(paths.summary)\n         \(paths.model)\n         \(paths.chart)\n"
    }
}

extension Finding {
    /// Whether the finding sets the emulated GIL against CPython (`RuntimeGap`).
    var isRuntimeGap: Bool {
        if case .runtimes = self { return true }
        return false
    }
}
