import ArgumentParser
import FixtureServer
import Foundation
import ThreadBenchSession
import ThreadBenchSuite

extension ThreadBench {
    /// `threadbench serve`: the fixture server on its own, as a target for another machine's `--url`.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the http workload's fixture server until Ctrl-C (/delay?ms=N, /bytes?n=N, or both).")

        @Option(help: "Address to listen on; 127.0.0.1 keeps it on this machine, 0.0.0.0 opens it to the network.") var host = "127.0.0.1"
        @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
        @Option(name: .customLong("event-loops"), help: "Event loop threads of the server.") var eventLoops = 2

        func validate() throws {
            if let problem = Suite.serveProblem(host: host, port: port, eventLoops: eventLoops) { throw ValidationError(problem) }
        }

        func run() throws {
            do {
                try Suite.serveUntilInterrupted(host: host, port: port, eventLoops: eventLoops) {
                    FileHandle.standardOutput.write(Data($0.utf8))
                }
            } catch let error as FixtureServerError {
                throw CommandFailure(description: error.description)
            }
            Terminal.status("threadbench: server stopped\n")
        }
    }
}
