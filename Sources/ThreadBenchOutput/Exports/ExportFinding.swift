import ThreadBenchAnalysis
import ThreadBenchModel

/// A finding in the JSON export: its kind, its sentence, and the figures it rests on, so a
/// dashboard can use the verdicts without parsing text.
public struct ExportFinding: Encodable, Sendable {
    /// One runtime's part of a workload's finding.
    public struct RuntimePart: Encodable, Sendable {
        public var runtime: String
        /// The thread count the sentence speaks of (the usable CPUs for computation, the best for waiting).
        public var threads: Int?
        public var verdict: String?
        public var speedup: ExportDocument.Figure?
        public var parallelism: ExportDocument.Figure?
        public var coresBusy: Double?
    }

    /// What the finding is about (`Kind`).
    public var kind: Kind
    public var workload: String?
    public var text: String
    /// Per runtime, for a workload's finding about its speedups.
    public var runtimes: [RuntimePart]?

    /// What a finding is about: a workload's speedups, the CPU bound, the emulated GIL against
    /// CPython, or processes against threads.
    public enum Kind: String, Encodable, Sendable {
        case workload, cpuBound = "cpu_bound", runtimes, processes
    }

    /// The export of a finding.
    public init(_ finding: Finding) {
        text = finding.text
        switch finding {
        case .workload(let found):
            kind = .workload
            workload = found.workload
            if case .speedups(let parts) = found.outcome {
                runtimes = parts.map { part in
                    guard case .row(let row, _, _) = part.judged else {
                        return RuntimePart(runtime: part.runtime.rawValue)
                    }
                    return RuntimePart(runtime: part.runtime.rawValue, threads: row.threads, verdict: row.verdict.rawValue,
                                       speedup: ExportDocument.Figure(row.speedup, row.speedupCI95Low, row.speedupCI95High),
                                       parallelism: ExportDocument.Figure(row.parallelism), coresBusy: row.coresBusy)
                }
            }
        case .cpuBound: kind = .cpuBound
        case .runtimes(let gap):
            kind = .runtimes
            workload = gap.workload
        case .processes(let gain):
            kind = .processes
            workload = gain.workload
        }
    }
}
