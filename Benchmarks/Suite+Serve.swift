import FixtureServer
import Foundation
import ThreadBenchMeasurement

extension Suite {
    /// Why the fixture server cannot be served with these settings, in one line naming the
    /// option at fault; nil when it can.
    public static func serveProblem(host: String, port: Int, eventLoops: Int) -> String? {
        guard (0...65_535).contains(port) else { return "--port must be between 0 and 65535, got \(port)" }
        guard (1...64).contains(eventLoops) else { return "--event-loops must be between 1 and 64, got \(eventLoops)" }
        guard !host.trimmingCharacters(in: .whitespaces).isEmpty else { return "--host must not be empty" }
        return nil
    }

    /// Serves the http workload's fixture server until SIGINT or SIGTERM (`threadbench serve`).
    /// - Parameter announce: told the address once it listens (the caller writes it unbuffered,
    ///   so a script reading stdout sees the port at once).
    /// - Throws: `FixtureServerError` when it cannot listen.
    public static func serveUntilInterrupted(host: String, port: Int, eventLoops: Int, announce: (String) -> Void) throws {
        Interruption.install()
        let server = FixtureServer(host: host, port: port, eventLoopThreads: eventLoops)
        let bound = try server.start()
        let base = server.url("") ?? "\(host):\(bound)"
        announce("serving on \(base) (try \(base)/delay?ms=20&n=16384); Ctrl-C stops\n")
        while Interruption.signal == nil { Clock.sleep(nanos: 100_000_000) }
        server.stop()
    }
}
