import Foundation

/// Says in words, per workload, where threads helped: the lesson's conclusion, measured.
public struct Findings: Sendable {
    /// The machine's logical CPUs, which cap computation's speedup.
    public let logicalCPUs: Int

    /// Creates a writer of findings for a machine with `logicalCPUs` cores.
    public init(logicalCPUs: Int) { self.logicalCPUs = logicalCPUs }

    /// One sentence per workload, e.g. "math: threads help without a GIL (1.96x at 2 threads
    /// on 2 cores); under the GIL they do not (0.98x)".
    public func sentences(_ rows: [SummaryRow]) -> [String] {
        var lines = rows.orderedGroups(by: \.workload).map { name, group in sentence(for: name, group) }
        if rows.contains(where: { $0.kind == .cpu }) {
            lines.append("note: this machine has \(logicalCPUs) logical CPUs, so computation cannot run more than "
                + "\(logicalCPUs)x faster on threads, whatever the thread count.")
        }
        return lines
    }

    private func sentence(for workload: String, _ rows: [SummaryRow]) -> String {
        let kind = rows.first?.kind ?? .cpu
        if kind == .mixed, let line = convoySentence(workload, rows) { return line }
        let free = rows.filter { $0.runtime == .swift && $0.threads > 1 }
        let locked = rows.filter { $0.runtime == .swiftGIL && $0.threads > 1 }
        let failures = rows.reduce(0) { $0 + $1.errors + $1.timedOut }
        let failureNote = failures > 0 ? "; \(failures) errors or timeouts, see the CSV's first_error" : ""
        guard !free.isEmpty || !locked.isEmpty else {
            return "\(workload): only 1 thread was measured, so there is no speedup to report" + failureNote
        }
        // For computation, compare at the core count (the most it can use); for waiting, at the best.
        let focus = kind == .io ? nil : min(logicalCPUs, (free + locked).map(\.threads).max() ?? 1)
        var parts: [String] = []
        if let pick = pick(free, at: focus) {
            parts.append("threads \(verb(pick)) without a GIL "
                + "(\(format(pick)) at \(pick.threads) threads on \(logicalCPUs) cores\(unsure(pick)))")
        }
        if let pick = pick(locked, at: focus ?? (free.isEmpty ? nil : pick(free, at: nil)?.threads)) {
            let helps = pick.verdict == .helps
            let prefix = parts.isEmpty ? "" : "under the GIL "
            let verb = parts.isEmpty
                ? "threads \(verb(pick)) under the GIL"
                : (helps ? "they help too" : pick.verdict == .hurts ? "they hurt"
                    : unsure(pick).isEmpty ? "they do not" : "they may help")
            parts.append("\(prefix)\(verb) (\(format(pick)) at \(pick.threads) threads\(unsure(pick)))")
        }
        return "\(workload): " + parts.joined(separator: "; ") + failureNote
    }

    /// The row at `threads` when given, else the row with the best speedup.
    private func pick(_ rows: [SummaryRow], at threads: Int?) -> SummaryRow? {
        if let threads, let row = rows.first(where: { $0.threads == threads }) { return row }
        return rows.max { $0.speedup < $1.speedup }
    }

    /// "help", "hurt", "do not help", or "may help" for a gain whose interval still reaches 1x.
    private func verb(_ row: SummaryRow) -> String {
        switch row.verdict {
        case .helps: return "help"
        case .hurts: return "hurt"
        case .noGain, .baseline: return unsure(row).isEmpty ? "do not help" : "may help"
        }
    }

    /// A caveat for a speedup above 1.05x whose 95% interval still reaches 1.05x.
    private func unsure(_ row: SummaryRow) -> String {
        row.verdict == .noGain && row.speedup > 1.05
            ? String(format: ", but its 95%% interval reaches down to %.2fx over %d repetitions", row.speedupCI95Low,
                     row.repetitions)
            : ""
    }

    private func format(_ row: SummaryRow) -> String { String(format: "%.2fx", row.speedup) }

    /// For mixed workloads the figure is the I/O latency a computing thread adds, not a speedup.
    private func convoySentence(_ workload: String, _ rows: [SummaryRow]) -> String? {
        func latencies(_ row: SummaryRow) -> (busy: Double, parked: Double)? {
            guard let busy = row.metricMedians["io_p50_ms"], let parked = row.metricMedians["io_baseline_p50_ms"] else {
                return nil
            }
            return (busy, parked)
        }
        var parts: [String] = []
        for (runtime, members) in rows.orderedGroups(by: \.runtime) {
            guard let row = members.filter({ latencies($0) != nil }).max(by: { $0.threads < $1.threads }),
                  let l = latencies(row) else { continue }
            let added = l.busy - l.parked
            let effect = added >= 0.05 ? String(format: "adds %.1f ms to", added) : "adds nothing measurable to"
            parts.append(String(format: "under %@ a computing thread %@ each request's p50 "
                + "(%.2f ms against %.2f ms parked, %d threads)", runtime.rawValue, effect, l.busy, l.parked, row.threads))
        }
        guard !parts.isEmpty else { return nil }
        return "\(workload): " + parts.joined(separator: "; ")
    }
}
