import FixtureServer
import Synchronization
import ThreadBenchMeasurement
import ThreadBenchModel

/// Each task is one libcurl GET, against the embedded fixture server or any `--url`.
///
/// By default the embedded server answers every request after 3 ms with 16 KiB, so a task
/// is latency-bound: the client thread waits on the network, as the lesson's downloads do,
/// and threads should help nearly N-fold. Each worker thread reuses one curl handle and,
/// unless `--http-no-reuse`, its keep-alive connection. Under `swift-gil` the lock is
/// released around the transfer and taken back, as `http.client` holds the GIL, to parse each
/// header line and copy each piece of the body (`HTTPClient`). Failed transfers and non-2xx answers count as errors; nothing crashes on a
/// refused connection, a timeout or a reset.
public final class HTTPWorkload: Workload, PreflightCheck, @unchecked Sendable {
    public let name = "http"
    public let kind = WorkloadKind.io
    public let defaultTasks: Int
    public let sampleNames = ["http_connect", "http_ttfb", "http_total"]
    /// The server's delay per request in milliseconds (embedded server only).
    public let delayMs: Int
    /// Body bytes per request (embedded server only).
    public let bodyBytes: Int
    /// The longest one GET may take, in seconds.
    public let timeoutSeconds: Double
    /// Whether a thread keeps its connection open between requests.
    public let reuse: Bool
    /// The URL asked for with `--url`, or nil for the embedded server.
    public let externalURL: String?

    /// The embedded server and the URL in use; set in `setUp`, before any worker thread starts.
    private let state = Mutex<(server: FixtureServer?, url: String?)>((nil, nil))

    /// Creates the workload: 3 ms delay and 16 KiB per request, 64 tasks (1 ms and 4 KiB with
    /// `--quick`), a 10 s timeout, connection reuse on; a 1-thread batch lasts about 0.2 s.
    public init(options: SuiteOptions) {
        delayMs = options.httpDelayMs ?? (options.quick ? 1 : 3)
        bodyBytes = options.httpBytes ?? (options.quick ? 4096 : 16_384)
        timeoutSeconds = options.httpTimeoutSeconds ?? 10
        reuse = options.httpReuse
        externalURL = options.httpURL
        defaultTasks = 64
    }

    /// A GET of the embedded server's delay and body, or of the `--url`.
    public func taskWork(under runtime: Runtime) -> TaskWork {
        let connection = reuse ? "keep-alive" : "new connection"
        if let externalURL { return TaskWork(amount: 1, unit: "GET \(externalURL); \(connection)") }
        return TaskWork(amount: Double(delayMs), unit: "ms server delay; \(bodyBytes)-byte body; \(connection)")
    }

    public var summary: String {
        let connection = reuse ? "keep-alive connection per thread" : "new connection per request"
        if let externalURL {
            return "io: libcurl GET \(externalURL) per task, \(connection)"
        }
        return "io: libcurl GET per task from the embedded server, answered after \(delayMs) ms with "
            + "\(bodyBytes) bytes, \(connection)"
    }

    public var caveat: String? {
        guard externalURL == nil, delayMs == 0 else { return nil }
        return "http: with --http-delay-ms 0 the embedded server answers at once, so the client threads and the "
            + "server share this machine's cores and the result is CPU-bound, not a measure of waiting"
    }

    /// The URL the tasks GET, once `setUp` has run.
    public var url: String? { state.withLock { $0.url } }

    /// Checks that `--url` answers a GET with a 2xx status before any batch runs.
    func preflight() throws {
        guard let externalURL else { return }
        let client: HTTPClient
        do {
            client = try HTTPClient(timeoutSeconds: min(timeoutSeconds, 10), reuse: false)
        } catch {
            throw SuiteError(description: "\(error)")
        }
        let result = client.get(externalURL)
        if let error = result.error {
            throw SuiteError(description: "--url is not usable: \(error)")
        }
    }

    public func setUp() throws {
        try CurlGlobal.ensureInitialised()
        if let externalURL {
            state.withLock { $0.url = externalURL }
            return
        }
        let server = FixtureServer()
        try server.start()
        let url = server.url("/delay?ms=\(delayMs)&n=\(bodyBytes)")
        state.withLock { $0 = (server, url) }
    }

    public func tearDown() {
        let server = state.withLock { current -> FixtureServer? in
            defer { current = (nil, nil) }
            return current.server
        }
        server?.stop()
    }

    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        guard let url else { throw SuiteError(description: "http: setUp has not run") }
        let expectedBytes = externalURL == nil ? bodyBytes : nil
        return Worker(client: try HTTPClient(timeoutSeconds: timeoutSeconds, reuse: reuse), url: url,
                      expectedBytes: expectedBytes)
    }

    final class Worker: TaskWorker {
        let client: HTTPClient
        let url: String
        let expectedBytes: Int?

        init(client: HTTPClient, url: String, expectedBytes: Int?) {
            self.client = client
            self.url = url
            self.expectedBytes = expectedBytes
        }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            let result = client.get(url, context: context)
            var error = result.error
            if error == nil, let expectedBytes, result.bodyBytes != expectedBytes {
                error = "GET \(url): \(result.bodyBytes) body bytes, expected \(expectedBytes)"
            }
            guard error == nil else {
                return TaskOutcome(ops: 1, bytes: result.bodyBytes, error: error)
            }
            return TaskOutcome(ops: 1, bytes: result.bodyBytes, samplesMs: [
                "http_connect": result.connectMs, "http_ttfb": result.firstByteMs, "http_total": result.totalMs,
            ])
        }
    }
}
