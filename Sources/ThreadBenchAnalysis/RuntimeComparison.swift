import Foundation
import ThreadBenchModel

/// Holds the emulated GIL against the real one: a line per workload that ran under CPython.
public enum RuntimeComparison {
    /// How far apart the emulated and the real GIL's speedups may be to count as close.
    public static let closeMargin = 0.15

    /// One line per workload with CPython rows, comparing every runtime's speedup at the largest
    /// thread count they all ran (above 1), e.g. "math at 8 threads: swift 1.96x, swift-gil 0.99x,
    /// cpython 1.00x; the emulated GIL came within 0.01 of CPython's speedup".
    public static func lines(_ rows: [SummaryRow]) -> [String] {
        rows.orderedGroups(by: \.workload).compactMap { name, members in line(for: name, members) }
    }

    private static func line(for workload: String, _ rows: [SummaryRow]) -> String? {
        let byRuntime = rows.orderedGroups(by: \.runtime)
        guard let python = byRuntime.map(\.key).first(where: { $0.isCPython && $0 != .cpythonProcesses }) else { return nil }
        let counts = byRuntime.map { Set($0.members.map(\.threads)) }
        guard let common = counts.dropFirst().reduce(counts.first ?? [], { $0.intersection($1) }).filter({ $0 > 1 }).max()
        else { return "\(workload): no thread count above 1 ran under every runtime, so there is nothing to compare" }
        let at = { (runtime: Runtime) in
            rows.first { $0.runtime == runtime && $0.threads == common && $0.speedup > 0 && $0.speedup.isFinite }
        }
        let order: [Runtime] = [.swift, .swiftGIL, python]
        let figures = order.compactMap { runtime in at(runtime).map { "\(runtime) \(format($0.speedup))" } }
        var line = "\(workload) at \(common) threads: " + figures.joined(separator: ", ")
        if let emulated = at(.swiftGIL), let real = at(python) {
            let gap = emulated.speedup - real.speedup
            let size = String(format: "%.2f", abs(gap))
            line += abs(gap) <= closeMargin
                ? "; the emulated GIL came within \(size) of CPython's speedup"
                : "; the emulated GIL's speedup is \(size) \(gap > 0 ? "above" : "below") CPython's"
        }
        if rows.contains(where: { $0.runtime.isCPython && $0.errors > 0 }) {
            line += " (CPython rows had errors, see first_error)"
        }
        return line
    }

    private static func format(_ speedup: Double) -> String { String(format: "%.2fx", speedup) }
}
