import Foundation
import ThreadBenchModel

/// Finds, per computing workload, what processes gave where threads under a GIL did not: the
/// remedy beside the caveat, measured in the same run.
public enum ProcessesFindings {
    /// One finding per CPU workload that ran under `cpython-processes` and under a GIL, at the
    /// largest process count both ran that the machine's cores can use.
    ///
    /// The threads come from `cpython` when it ran (the same interpreter), else from `swift-gil`.
    /// - Parameters:
    ///   - rows: the run's summary rows.
    ///   - usableCPUs: the CPUs this run could use, the most that computation can use.
    public static func findings(_ rows: [SummaryRow], usableCPUs: Int) -> [Finding] {
        rows.filter { $0.kind == .cpu }.orderedGroups(by: \.workload).compactMap { name, members in
            gain(name, members, usableCPUs: usableCPUs).map(Finding.processes)
        }
    }

    private static func gain(_ workload: String, _ rows: [SummaryRow], usableCPUs: Int) -> ProcessesGain? {
        let processes = rows.filter { $0.runtime == .cpythonProcesses && $0.threads > 1 }
        guard !processes.isEmpty else { return nil }
        let gil: Runtime = rows.contains { $0.runtime == .cpython } ? .cpython : .swiftGIL
        let threads = rows.filter { $0.runtime == gil && $0.threads > 1 }
        let common = Set(processes.map(\.threads)).intersection(threads.map(\.threads))
        guard let count = common.filter({ $0 <= max(1, usableCPUs) }).max() ?? common.min(),
              let process = processes.first(where: { $0.threads == count }),
              let thread = threads.first(where: { $0.threads == count }) else { return nil }
        return ProcessesGain(workload: workload, lock: gil, count: count, threadSpeedup: thread.speedup,
                             processSpeedup: process.speedup, startMethod: startMethod(process.runtimeVersion),
                             clearGain: process.verdict == .helps, processErrors: process.errors,
                             processErrorsAndTimeouts: process.errors + process.timedOut)
    }

    /// The start method at the end of a `cpython-processes` runtime version ("cpython-3.11.7-fork").
    static func startMethod(_ runtimeVersion: String) -> String? {
        let parts = runtimeVersion.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, last.allSatisfy(\.isLetter) else { return nil }
        return String(last)
    }
}
