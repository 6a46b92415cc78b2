import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the fixture server could not start.
public enum FixtureServerError: Error, CustomStringConvertible {
    /// Another socket already listens on the address.
    case portInUse(host: String, port: Int)
    /// Binding failed for another reason (a bad host, no permission for a low port).
    case bindFailed(host: String, port: Int, reason: String)
    /// `start` was called on a server that is already running.
    case alreadyRunning

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use; pick another with --port"
        case .bindFailed(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        case .alreadyRunning:
            return "the fixture server is already running"
        }
    }
}

/// The HTTP/1.1 server the `http` workload hits by default: `/delay?ms=N`, `/bytes?n=N`, or both.
///
/// It runs on a SwiftNIO event loop group of its own (one thread by default): every request
/// is a few microseconds of parsing and a write, and delays are timers on the loop, not
/// sleeping threads, so one loop serves hundreds of waiting connections while leaving the
/// other cores to the threads being measured. Keep-alive and pipelining are supported.
///
/// `start()` and `stop()` are synchronous so the runner can call them from `setUp` and
/// `tearDown` without any concurrency of its own.
public final class FixtureServer: @unchecked Sendable {
    /// The address it listens on; 127.0.0.1 by default so nothing leaves the machine.
    public let host: String
    /// The port asked for; 0 picks a free one.
    public let requestedPort: Int
    /// Event loop threads.
    public let eventLoopThreads: Int

    private let stateLock = NIOLock()
    private var group: MultiThreadedEventLoopGroup?
    private var channel: Channel?
    private var boundPort: Int?

    /// Creates a stopped server.
    /// - Parameters:
    ///   - host: the address to bind (127.0.0.1 by default).
    ///   - port: the port to bind; 0 lets the kernel pick a free one.
    ///   - eventLoopThreads: threads of the server's event loop group (at least 1).
    public init(host: String = "127.0.0.1", port: Int = 0, eventLoopThreads: Int = 1) {
        self.host = host
        self.requestedPort = port
        self.eventLoopThreads = max(1, eventLoopThreads)
    }

    deinit { stop() }

    /// The port it listens on while running, else nil.
    public var port: Int? { stateLock.withLock { boundPort } }

    /// The URL of `path` (with its query) on this server, e.g. `url("/delay?ms=20")`.
    public func url(_ path: String) -> String? {
        guard let port else { return nil }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)\(path)"
    }

    /// Binds and starts serving; returns once the socket listens.
    /// - Returns: the bound port (the kernel's pick when the requested port is 0).
    /// - Throws: `FixtureServerError`.
    @discardableResult
    public func start() throws -> Int {
        try stateLock.withLock {
            guard channel == nil else { throw FixtureServerError.alreadyRunning }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: eventLoopThreads)
            let bootstrap = ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 1024)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(FixtureHandler())
                    }
                }
            do {
                let channel = try bootstrap.bind(host: host, port: requestedPort).wait()
                self.group = group
                self.channel = channel
                self.boundPort = channel.localAddress?.port ?? requestedPort
                return boundPort!
            } catch {
                try? group.syncShutdownGracefully()
                if let ioError = error as? IOError, ioError.errnoCode == EADDRINUSE {
                    throw FixtureServerError.portInUse(host: host, port: requestedPort)
                }
                throw FixtureServerError.bindFailed(host: host, port: requestedPort, reason: "\(error)")
            }
        }
    }

    /// Stops listening, closes every open connection and joins the event loop threads.
    /// Safe to call more than once, and on a server that never started.
    public func stop() {
        let (channel, group) = stateLock.withLock { () -> (Channel?, MultiThreadedEventLoopGroup?) in
            defer { self.channel = nil; self.group = nil; self.boundPort = nil }
            return (self.channel, self.group)
        }
        try? channel?.close().wait()
        try? group?.syncShutdownGracefully()
    }
}
