import ArgumentParser
import ThreadBenchCore
import ThreadBenchSuite

extension ThreadBench {
    /// `threadbench list`: one line per workload.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workloads of the suite, a line each.")

        @Flag(help: "Show the sizes of --quick instead of the default sizes.")
        var quick = false

        func run() throws {
            let workloads = Suite.all(SuiteOptions(quick: quick))
            let width = workloads.map(\.name.count).max() ?? 0
            for workload in workloads {
                let padded = workload.name.padding(toLength: width, withPad: " ", startingAt: 0)
                print("\(padded)  \(workload.summary) (\(workload.defaultTasks) tasks)")
                let indent = String(repeating: " ", count: width + 2)
                if let portable = workload as? any PythonPortable {
                    print("\(indent)cpython: \(portable.pythonDifference ?? "the same work in pure Python")")
                } else {
                    print("\(indent)cpython: no Python version; skipped under cpython")
                }
            }
            print("runtimes: \(Runtime.selectable.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
