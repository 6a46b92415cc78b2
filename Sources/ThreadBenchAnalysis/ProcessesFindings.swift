import Foundation
import ThreadBenchModel

/// Says, per computing workload, what processes gave where threads under a GIL did not: the
/// remedy beside the caveat, measured in the same run.
public enum ProcessesFindings {
    /// One sentence per CPU workload that ran under `cpython-processes` and under a GIL, at the
    /// largest process count both ran that the machine's cores can use, e.g. "math: under
    /// CPython's GIL threads give 0.97x at 2; processes (fork) give 1.90x".
    ///
    /// The threads come from `cpython` when it ran (the same interpreter), else from `swift-gil`.
    /// - Parameters:
    ///   - rows: the run's summary rows.
    ///   - usableCPUs: the CPUs this run could use, the most that computation can use.
    public static func sentences(_ rows: [SummaryRow], usableCPUs: Int) -> [String] {
        rows.filter { $0.kind == .cpu }.orderedGroups(by: \.workload).compactMap { name, members in
            sentence(name, members, usableCPUs: usableCPUs)
        }
    }

    private static func sentence(_ workload: String, _ rows: [SummaryRow], usableCPUs: Int) -> String? {
        let processes = rows.filter { $0.runtime == .cpythonProcesses && $0.threads > 1 }
        guard !processes.isEmpty else { return nil }
        let gil: Runtime = rows.contains { $0.runtime == .cpython } ? .cpython : .swiftGIL
        let threads = rows.filter { $0.runtime == gil && $0.threads > 1 }
        let common = Set(processes.map(\.threads)).intersection(threads.map(\.threads))
        guard let count = common.filter({ $0 <= max(1, usableCPUs) }).max() ?? common.min(),
              let process = processes.first(where: { $0.threads == count }),
              let thread = threads.first(where: { $0.threads == count }) else { return nil }
        let lock = gil == .cpython ? "CPython's GIL" : "the emulated GIL"
        let method = startMethod(process.runtimeVersion).map { " (\($0))" } ?? ""
        var line = "\(workload): under \(lock) threads give \(format(thread.speedup)) at \(count); "
            + "processes\(method) give \(format(process.speedup))"
        if process.verdict != .helps { line += ", which is not a clear gain either" }
        if process.errors + process.timedOut > 0 {
            line += "; \(process.errors) process errors or timeouts, see the CSV's first_error"
        }
        return line
    }

    /// The start method at the end of a `cpython-processes` runtime version ("cpython-3.11.7-fork").
    static func startMethod(_ runtimeVersion: String) -> String? {
        let parts = runtimeVersion.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, last.allSatisfy(\.isLetter) else { return nil }
        return String(last)
    }

    private static func format(_ speedup: Double) -> String { String(format: "%.2fx", speedup) }
}
