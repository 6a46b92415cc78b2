import Foundation
import ThreadBenchMeasurement
import ThreadBenchModel

/// Turns the suite's workloads into the text of `threadbench list`: two lines each, then the runtimes.
public struct WorkloadListReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// Per workload its name, what a task does and its default tasks, then what it runs under
    /// cpython; last, the selectable runtimes, those run by default, and what
    /// `cpython-processes` runs.
    public func render(_ workloads: [any Workload]) -> String {
        let width = workloads.map(\.name.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 2)
        var text = ""
        for workload in workloads {
            let padded = workload.name.padding(toLength: width, withPad: " ", startingAt: 0)
            text += "\(padded)  \(workload.summary) (\(workload.defaultTasks) tasks)\n"
            let python = (workload as? any PythonPortable).map { $0.pythonDifference ?? "the same work in pure Python" }
            text += "\(indent)cpython: \(python ?? "no Python version; skipped under cpython")\n"
        }
        let names = { (runtimes: [Runtime]) in runtimes.map(\.rawValue).joined(separator: ", ") }
        return text + "runtimes: \(names(Runtime.selectable)) (default: \(names(Runtime.defaults)))\n"
            + "\(Runtime.cpythonProcesses): the cpython work with one multiprocessing.Process per worker, "
            + "each with its own GIL (start method \(StartMethod.default.rawValue) by default; "
            + StartMethod.allCases.map(\.rawValue).joined(separator: ", ") + ")\n"
    }
}
