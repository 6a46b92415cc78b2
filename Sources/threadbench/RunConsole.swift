import ThreadBenchCore

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
        let phase = p.isWarmup ? "warm-up" : "rep \(p.repetition)"
        let text = "[\(p.done + 1)/\(p.total)] \(p.workload) \(p.runtime) \(p.threads) threads \(phase)"
        Terminal.status(rewrite ? "\r\u{1B}[K" + text : text + "\n")
        lineShown = rewrite
    }

    func runSession(notice: RunNotice) {
        endProgress()
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
