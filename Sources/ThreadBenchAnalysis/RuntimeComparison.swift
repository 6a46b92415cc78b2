import Foundation
import ThreadBenchModel

/// Holds the emulated GIL against the real one: a finding per workload that ran under CPython.
public enum RuntimeComparison {
    /// How far apart the emulated and the real GIL's speedups may be to count as close.
    public static let closeMargin = 0.15

    /// One finding per workload with rows of CPython threads under a GIL, comparing every
    /// runtime's speedup at the largest thread count they all ran (above 1). Of several
    /// interpreters, the first whose rows ran with a GIL is the real one: a free-threaded
    /// interpreter without its GIL has no GIL for the emulation to be held against.
    public static func findings(_ rows: [SummaryRow]) -> [Finding] {
        rows.orderedGroups(by: \.workload).compactMap { name, members in gap(for: name, members).map(Finding.runtimes) }
    }

    private static func gap(for workload: String, _ rows: [SummaryRow]) -> RuntimeGap? {
        let byRuntime = rows.orderedGroups(by: \.runtime)
        guard let python = byRuntime.first(where: { $0.key.runsOnCPythonThreads && !($0.members.first?.runsWithoutGIL ?? true) })?.key
        else { return nil }
        var gap = RuntimeGap(workload: workload, threads: nil, speedups: [], gap: nil, closeMargin: closeMargin,
                             cpythonErrors: rows.contains { $0.runtime.isCPython && $0.errors > 0 })
        let counts = byRuntime.map { Set($0.members.map(\.threads)) }
        guard let common = counts.dropFirst().reduce(counts.first ?? [], { $0.intersection($1) }).filter({ $0 > 1 }).max()
        else { return gap }
        let at = { (runtime: Runtime) in
            rows.first { $0.runtime == runtime && $0.threads == common && $0.speedup > 0 && $0.speedup.isFinite }
        }
        gap.threads = common
        gap.speedups = [Runtime.swift, .swiftGIL, python].compactMap { runtime in
            at(runtime).map { RuntimeFigure(runtime: runtime, speedup: $0.speedup) }
        }
        if let emulated = at(.swiftGIL), let real = at(python) { gap.gap = emulated.speedup - real.speedup }
        return gap
    }
}
