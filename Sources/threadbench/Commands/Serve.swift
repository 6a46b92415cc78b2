import ArgumentParser
import FixtureServer
import Foundation
import ThreadBenchMeasurement

extension ThreadBench {
    /// `threadbench serve`: the fixture server on its own, as a target for another machine's `--url`.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the http workload's fixture server until Ctrl-C (/delay?ms=N, /bytes?n=N, or both).")

        @Option(help: "Address to listen on; 127.0.0.1 keeps it on this machine, 0.0.0.0 opens it to the network.") var host = "127.0.0.1"
        @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
        @Option(name: .customLong("event-loops"), help: "Event loop threads of the server.") var eventLoops = 2

        func validate() throws {
            guard (0...65_535).contains(port) else {
                throw ValidationError("--port must be between 0 and 65535, got \(port)")
            }
            guard (1...64).contains(eventLoops) else {
                throw ValidationError("--event-loops must be between 1 and 64, got \(eventLoops)")
            }
            guard !host.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--host must not be empty")
            }
        }

        func run() throws {
            Interruption.install()
            let server = FixtureServer(host: host, port: port, eventLoopThreads: eventLoops)
            let bound: Int
            do {
                bound = try server.start()
            } catch let error as FixtureServerError {
                throw CommandFailure(description: error.description)
            }
            let base = server.url("") ?? "\(host):\(bound)"
            // Written unbuffered, so a script reading stdout sees the port at once.
            FileHandle.standardOutput.write(Data("serving on \(base) (try \(base)/delay?ms=20&n=16384); Ctrl-C stops\n".utf8))
            while Interruption.signal == nil { Clock.sleep(nanos: 100_000_000) }
            server.stop()
            Terminal.status("threadbench: server stopped\n")
        }
    }
}
