import ThreadBenchAnalysis
import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchOutput

/// A run on the terminal: the progress line and notices on stderr, the results on stdout.
package final class RunConsole: RunSessionDelegate {
    /// Whether to show a progress line before every batch.
    private let showProgress: Bool
    /// Whether the line is rewritten in place (a terminal) rather than printed a line each.
    private let rewrite = Terminal.stderrIsTTY
    /// Whether a rewritable progress line is up.
    private var lineShown = false
    /// Whether every result warning gets its own line; otherwise they are grouped into one.
    private let details: Bool
    /// The result warnings held back to be grouped.
    private var heldWarnings: [ResultWarning] = []

    /// A console that shows the progress line when `showProgress`, and every warning when `details`.
    package init(showProgress: Bool, details: Bool = true) {
        self.showProgress = showProgress
        self.details = details
    }

    package func runSession(willRun p: RunProgress) {
        guard showProgress else { return }
        let text = ProgressLine.text(p)
        Terminal.status(rewrite ? "\r\u{1B}[K" + text : text + "\n")
        lineShown = rewrite
    }

    package func runSession(notice: RunNotice) {
        endProgress()
        if case .warning(let warning) = notice, !details { return heldWarnings.append(warning) }
        flushWarnings()
        if case .precision(let line) = notice {
            // The count; which cells missed, with --details.
            let shown = details ? line : (line.split(separator: ";").first.map(String.init) ?? line)
                + (line.contains(";") ? " (which missed: --details)" : "")
            return Terminal.status("threadbench: \(CSVText.printable(shown))\n")
        }
        if case .machineCheck(let check) = notice, !details {
            // One line a check; its advice from `threadbench doctor`, its whole detail with --details.
            let clause = check.detail.split(separator: ";").first.map(String.init) ?? check.detail
            let short = clause.components(separatedBy: " (").first ?? clause
            let line = "machine: \(check.name): \(short)"
            return Terminal.warn(line.count <= 40 ? line + " (see threadbench doctor)" : line)
        }
        guard case .cpythonSkipped = notice else { return Terminal.warn(notice.description) }
        Terminal.warn("\(notice) (name one with --python PATH)")
    }

    package func runSession(output text: String) {
        endProgress()
        flushWarnings()
        print(text, terminator: "")
    }

    /// The held warnings as one line: how many, of which kinds, where they are listed.
    private func flushWarnings() {
        guard !heldWarnings.isEmpty else { return }
        Terminal.warn(ResultWarning.groupText(heldWarnings) + " (--details)")
        heldWarnings = []
    }

    /// Clears the progress line, if one is up.
    package func endProgress() {
        if lineShown { Terminal.status("\r\u{1B}[K") }
        lineShown = false
    }
}
