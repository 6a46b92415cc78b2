import Foundation

/// Holds the emulated GIL against the real one: a line per workload that ran under CPython.
public enum RuntimeComparison {
    /// How far apart the emulated and the real GIL's speedups may be to count as close.
    public static let closeMargin = 0.15

    /// One line per workload with CPython rows, comparing every runtime's speedup at the largest
    /// thread count they all ran (above 1), e.g. "math at 8 threads: swift 1.96x, swift-gil 0.99x,
    /// cpython 1.00x; the emulated GIL came within 0.01 of CPython's speedup".
    public static func lines(_ rows: [SummaryRow]) -> [String] {
        var workloads: [String] = []
        for row in rows where !workloads.contains(row.workload) { workloads.append(row.workload) }
        return workloads.compactMap { name in line(for: name, rows.filter { $0.workload == name }) }
    }

    private static func line(for workload: String, _ rows: [SummaryRow]) -> String? {
        var runtimes: [String] = []
        for row in rows where !runtimes.contains(row.runtime) { runtimes.append(row.runtime) }
        guard let python = runtimes.first(where: CPythonLabel.isCPython) else { return nil }
        let counts = runtimes.map { runtime in Set(rows.filter { $0.runtime == runtime }.map(\.threads)) }
        guard let common = counts.dropFirst().reduce(counts.first ?? [], { $0.intersection($1) }).filter({ $0 > 1 }).max()
        else { return "\(workload): no thread count above 1 ran under every runtime, so there is nothing to compare" }
        let at = { (runtime: String) in rows.first { $0.runtime == runtime && $0.threads == common } }
        let order = [Runtime.swift.rawValue, Runtime.swiftGIL.rawValue, python]
        let figures = order.compactMap { runtime in at(runtime).map { "\(runtime) \(format($0.speedup))" } }
        var line = "\(workload) at \(common) threads: " + figures.joined(separator: ", ")
        if let emulated = at(Runtime.swiftGIL.rawValue), let real = at(python) {
            let gap = emulated.speedup - real.speedup
            let size = String(format: "%.2f", abs(gap))
            line += abs(gap) <= closeMargin
                ? "; the emulated GIL came within \(size) of CPython's speedup"
                : "; the emulated GIL's speedup is \(size) \(gap > 0 ? "above" : "below") CPython's"
        }
        if rows.contains(where: { CPythonLabel.isCPython($0.runtime) && $0.errors + $0.timedOut > 0 }) {
            line += " (CPython rows had errors, see first_error)"
        }
        return line
    }

    private static func format(_ speedup: Double) -> String { String(format: "%.2fx", speedup) }
}
