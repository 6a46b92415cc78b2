import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchSession

/// A run on the terminal: the progress line and notices on stderr, the results on stdout.
final class RunConsole: RunSessionDelegate {
    /// Whether to show a progress line before every batch.
    private let showProgress: Bool
    /// Whether the line is rewritten in place (a terminal) rather than printed a line each.
    private let rewrite = Terminal.stderrIsTTY
    /// Whether a rewritable progress line is up.
    private var lineShown = false

    init(showProgress: Bool) {
        self.showProgress = showProgress
    }

    func runSession(willRun p: RunProgress) {
        guard showProgress else { return }
        let text = ProgressLine.text(p)
        Terminal.status(rewrite ? "\r\u{1B}[K" + text : text + "\n")
        lineShown = rewrite
    }

    func runSession(notice: RunNotice) {
        endProgress()
        if case .precision(let line) = notice {
            return Terminal.status("threadbench: \(CSVText.printable(line))\n")
        }
        guard case .cpythonSkipped = notice else { return Terminal.warn(notice.description) }
        Terminal.warn("\(notice) (name one with --python PATH)")
    }

    func runSession(output text: String) {
        endProgress()
        print(text, terminator: "")
    }

    /// Clears the progress line, if one is up.
    func endProgress() {
        if lineShown { Terminal.status("\r\u{1B}[K") }
        lineShown = false
    }
}
