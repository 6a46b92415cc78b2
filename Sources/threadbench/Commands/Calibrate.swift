import ArgumentParser
import ThreadBenchMeasurement
import ThreadBenchOutput
import ThreadBenchSession

extension ThreadBench {
    /// `threadbench calibrate`: what the harness itself costs.
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the spawn+join cost of the thread type against raw pthreads, and the clock.")

        @Option(help: "Empty threads to spawn and join with each method.") var threads = 4000

        func validate() throws {
            guard (100...1_000_000).contains(threads) else {
                throw ValidationError("--threads must be between 100 and 1000000, got \(threads)")
            }
        }

        func run() throws {
            BuildWarning.emitIfDebug()
            print(CalibrationReporter().render(try Calibration.measure(threads: threads)), terminator: "")
        }
    }
}
