import ArgumentParser
import ThreadBenchMeasurement
import ThreadBenchOutput
import ThreadBenchSession

extension ThreadBench {
    /// `threadbench doctor`: what on this machine makes measurements lie, and what it resolves.
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the machine: frequency, SMT, ASLR, load, steal, VM, CPU limits, isolation, and an A/A noise probe.")

        @Flag(help: "Print the checks as JSON for machines.") var json = false
        @Option(help: "Seconds to watch steal time and the other processes.") var probeSeconds = 1.0
        @Option(help: "Seconds of A/A pairs (identical 1-thread batches) to measure the noise; 0 skips the probe.")
        var aaSeconds = 3.0

        func validate() throws {
            guard probeSeconds.isFinite, (0.1...60).contains(probeSeconds) else {
                throw ValidationError("--probe-seconds must be between 0.1 and 60, got \(probeSeconds)")
            }
            guard aaSeconds.isFinite, aaSeconds == 0 || (0.5...600).contains(aaSeconds) else {
                throw ValidationError("--aa-seconds must be 0 or between 0.5 and 600, got \(aaSeconds)")
            }
        }

        func run() throws {
            BuildWarning.emitIfDebug()
            var checks = MachineDoctor.cheapChecks(probeSeconds: probeSeconds)
            checks.append(aaSeconds > 0 ? AAProbe.check(seconds: aaSeconds)
                          : MachineCheck(name: "aa_probe", state: .unknown, detail: "skipped (--aa-seconds 0)"))
            let reporter = DoctorReporter()
            print(json ? try reporter.renderJSON(checks) : reporter.render(checks), terminator: "")
        }
    }
}
