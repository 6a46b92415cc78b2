import Foundation
import ThreadBenchModel

/// Finds, per workload, where threads helped: the lesson's conclusion, measured.
public struct Findings: Sendable {
    /// The CPUs the run could use, which cap computation's speedup.
    public let usableCPUs: Int
    /// What limited them, nil when every logical CPU was usable.
    public let cpuLimit: UsableCPUs.Limit?

    /// Creates a finder for a run that could use `usableCPUs` CPUs.
    public init(usableCPUs: Int, cpuLimit: UsableCPUs.Limit? = nil) {
        self.usableCPUs = max(1, usableCPUs)
        self.cpuLimit = cpuLimit
    }

    /// One finding per workload, about every runtime that ran it, then the CPU bound when
    /// anything computed.
    public func findings(_ rows: [SummaryRow]) -> [Finding] {
        var found = rows.orderedGroups(by: \.workload).map { name, group in Finding.workload(finding(for: name, group)) }
        if rows.contains(where: { $0.kind == .cpu }) { found.append(.cpuBound(usableCPUs: usableCPUs, limit: cpuLimit)) }
        return found
    }

    private func finding(for workload: String, _ rows: [SummaryRow]) -> WorkloadFinding {
        var finding = WorkloadFinding(workload: workload, errors: rows.reduce(0) { $0 + $1.errors },
                                      failedBatches: rows.reduce(0) { $0 + $1.failedBatches }, outcome: .onlyOneThread)
        let kind = rows.first?.kind ?? .cpu
        if kind == .mixed, let effects = ConvoyFindings.effects(rows) {
            finding.outcome = .convoy(effects)
            return finding
        }
        let measured = rows.filter { $0.threads > 1 }
        guard !measured.isEmpty else { return finding }
        // For computation, compare at the usable CPUs (the most it can use); for waiting, at the best.
        let focus = kind == .io ? nil : min(usableCPUs, measured.map(\.threads).max() ?? 1)
        finding.outcome = .speedups(measured.orderedGroups(by: \.runtime).map { runtime, members in
            RuntimeSpeedup(runtime: runtime, judged: judged(runtime, members, at: focus))
        })
        return finding
    }

    /// What threads did under one runtime, at `threads` when it has that row, else at its best.
    private func judged(_ runtime: Runtime, _ rows: [SummaryRow], at threads: Int?) -> RuntimeSpeedup.Judged {
        guard let row = pick(rows.filter { $0.verdict != .failed }, at: threads) else { return .allFailed }
        if row.verdict == .inconclusive, !(row.speedup > 0) { return .noBaseline }
        // A serialized row's sentence names the CPUs too: one usable CPU may be its cause.
        let bound = row.isBoundByCPUs || row.verdict == .serialized
        return .row(row, usableCPUs: bound ? usableCPUs : nil, limit: cpuLimit)
    }

    /// The row at `threads` when given, else the row with the best speedup.
    private func pick(_ rows: [SummaryRow], at threads: Int?) -> SummaryRow? {
        if let threads, let row = rows.first(where: { $0.threads == threads }) { return row }
        return rows.max { $0.speedup < $1.speedup }
    }
}
