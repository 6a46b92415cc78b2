import ArgumentParser
import Foundation
import ThreadBenchModel
import ThreadBenchSession

/// The `threadbench` command: wires options to the core and prints what it returns.
@main
struct ThreadBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threadbench",
        abstract: "Measures where threads help: CPU-bound and I/O-bound work, with and without a GIL.",
        version: BuildInfo.version,
        subcommands: [Run.self, Compare.self, Report.self, List.self, Serve.self, Calibrate.self, Doctor.self],
        defaultSubcommand: Run.self)

    /// Parses, runs, and turns every error into one line on stderr with a documented exit code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let lines = message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let line = lines.first { !$0.isEmpty } ?? "failed"
            Terminal.error(line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line)
            Foundation.exit(code.rawValue)
        }
    }
}
