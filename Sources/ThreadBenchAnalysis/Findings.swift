import Foundation
import ThreadBenchModel

/// Says in words, per workload, where threads helped: the lesson's conclusion, measured.
public struct Findings: Sendable {
    /// The CPUs the run could use, which cap computation's speedup.
    public let usableCPUs: Int
    /// What limited them, nil when every logical CPU was usable.
    public let cpuLimit: UsableCPUs.Limit?

    /// Creates a writer of findings for a run that could use `usableCPUs` CPUs.
    public init(usableCPUs: Int, cpuLimit: UsableCPUs.Limit? = nil) {
        self.usableCPUs = max(1, usableCPUs)
        self.cpuLimit = cpuLimit
    }

    private var cpusText: String { MachineInfo.cpusText(usableCPUs, limit: cpuLimit) }

    /// One sentence per workload, about every runtime that ran it, e.g. "math: threads help
    /// under swift (1.96x at 2 threads on 2 cores); they make no difference under swift-gil
    /// (0.98x at 2 threads)".
    public func sentences(_ rows: [SummaryRow]) -> [String] {
        var lines = rows.orderedGroups(by: \.workload).map { name, group in sentence(for: name, group) }
        if rows.contains(where: { $0.kind == .cpu }) {
            let cpus = cpuLimit == nil
                ? "this machine has \(usableCPUs) logical CPUs"
                : "this run could use \(usableCPUs) CPU\(usableCPUs == 1 ? "" : "s") (\(cpuLimit?.rawValue ?? ""))"
            lines.append("note: \(cpus), so computation cannot run more than \(usableCPUs)x faster on threads, "
                + "whatever the thread count.")
        }
        return lines
    }

    private func sentence(for workload: String, _ rows: [SummaryRow]) -> String {
        let kind = rows.first?.kind ?? .cpu
        if kind == .mixed, let line = ConvoyFindings.sentence(workload, rows) { return line }
        let failures = rows.reduce(0) { $0 + $1.errors }
        let failedBatches = rows.reduce(0) { $0 + $1.failedBatches }
        let failureNote = failures > 0 || failedBatches > 0
            ? "; \(failures) errors or timeouts in \(failedBatches) failed batches, left out of the figures "
                + "(see the CSV's first_error)"
            : ""
        let measured = rows.filter { $0.threads > 1 }
        guard !measured.isEmpty else {
            return "\(workload): only 1 thread was measured, so there is no speedup to report" + failureNote
        }
        // For computation, compare at the usable CPUs (the most it can use); for waiting, at the best.
        let focus = kind == .io ? nil : min(usableCPUs, measured.map(\.threads).max() ?? 1)
        let parts = measured.orderedGroups(by: \.runtime).enumerated().map { index, group in
            phrase(group.key, group.members, at: focus, first: index == 0)
        }
        return "\(workload): " + parts.joined(separator: "; ") + failureNote
    }

    /// What threads did under one runtime, at `threads` when it has that row, else at its best.
    private func phrase(_ runtime: Runtime, _ rows: [SummaryRow], at threads: Int?, first: Bool) -> String {
        let subject = first ? "threads" : "they"
        let judged = rows.filter { $0.verdict != .failed }
        guard let row = pick(judged, at: threads) else {
            return "every batch with more than 1 thread failed under \(runtime)"
        }
        if row.verdict == .inconclusive, !(row.speedup > 0) {
            return "\(subject) cannot be judged under \(runtime) (no successful 1-thread batch to measure against)"
        }
        if row.verdict == .serialized { return serialPhrase(runtime, row, subject: subject) }
        let cpus = row.kind.isBoundByCPUs(under: runtime) ? " on \(cpusText)" : ""
        return "\(subject) \(verb(row)) under \(runtime) "
            + String(format: "(%.2fx at %d threads", row.speedup, row.threads) + cpus + busy(row) + caveat(row) + ")"
    }

    /// How many cores a computing row kept busy, e.g. ", 1.95 of 2 CPUs busy"; empty for waiting.
    private func busy(_ row: SummaryRow) -> String {
        guard row.kind == .cpu, let cores = row.coresBusy else { return "" }
        return String(format: ", %.2f of %d CPU%@ busy", cores, usableCPUs, usableCPUs == 1 ? "" : "s")
    }

    /// The sentence of a computing row whose threads ran one at a time: the figure, the cause
    /// (the GIL, or a single usable CPU), and what the wall-time ratio did.
    private func serialPhrase(_ runtime: Runtime, _ row: SummaryRow, subject: String) -> String {
        let parallelism = row.parallelism!
        let cause = !runtime.runsWithoutGIL ? "the GIL lets one compute at a time"
            : usableCPUs == 1 ? "this run could use 1 CPU" : "something serialized them"
        let figure = String(format: "%.2f cores busy for 1 at %d threads [%.2f-%.2f], %@", parallelism.estimate,
                            row.threads, parallelism.low, parallelism.high, cpusText)
        let ratio = String(format: "%.2fx [%.2f-%.2f]", row.speedup, row.speedupCI95Low, row.speedupCI95High)
        let wall: String
        switch Verdict.classify(ciLow: row.speedupCI95Low, ciHigh: row.speedupCI95High) {
        case .inconclusive: wall = "the wall-time ratio, \(ratio), moved with the CPU time the same work took"
        case .hurts: wall = "and they cost time: the wall-time ratio was \(ratio)"
        default: wall = "the wall-time ratio was \(ratio)"
        }
        return "\(subject) ran one at a time under \(runtime) (\(figure); \(cause)), so they cannot speed up "
            + "computation; \(wall)"
    }

    /// The row at `threads` when given, else the row with the best speedup.
    private func pick(_ rows: [SummaryRow], at threads: Int?) -> SummaryRow? {
        if let threads, let row = rows.first(where: { $0.threads == threads }) { return row }
        return rows.max { $0.speedup < $1.speedup }
    }

    /// The verb of a row's verdict; an inconclusive one says which side of 1x its interval lies on.
    private func verb(_ row: SummaryRow) -> String {
        switch row.verdict {
        case .helps: "help"
        case .hurts: "hurt"
        case .noGain: "make no difference"
        case .serialized: "ran one at a time"
        case .inconclusive where row.intervalIsNominal95 && row.speedupCI95High < 1: "may hurt or make no difference"
        case .inconclusive where row.intervalIsNominal95 && row.speedupCI95Low > 1: "may help or make no difference"
        case .inconclusive, .baseline, .failed, .notApplicable: "may or may not help"
        }
    }

    /// Why an inconclusive row is one: its interval reaches across a bound, or too few repetitions.
    private func caveat(_ row: SummaryRow) -> String {
        guard row.verdict == .inconclusive else { return "" }
        if !row.intervalIsNominal95 {
            return ", but \(row.repetitions) repetitions are too few to tell"
        }
        return String(format: ", but its 95%% interval %.2f-%.2f reaches across %.2f or %.2f", row.speedupCI95Low,
                      row.speedupCI95High, Verdict.hurtsBelow, Verdict.helpsAbove)
    }
}
