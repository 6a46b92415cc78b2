import ArgumentParser
import ThreadBenchOutput
import ThreadBenchSuite

extension ThreadBench {
    /// `threadbench list`: one line per workload.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workloads of the suite, a line each.")

        @Flag(help: "Show the sizes of --quick instead of the default sizes.") var quick = false

        func run() throws {
            print(WorkloadListReporter().render(Suite.all(SuiteOptions(quick: quick))), terminator: "")
        }
    }
}
