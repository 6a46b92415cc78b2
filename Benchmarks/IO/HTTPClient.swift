import CCurl
import ThreadBenchMeasurement

/// What one GET did: status, body size, curl's timings, or why it failed.
struct HTTPResult: Sendable {
    /// The HTTP status code, 0 when no response arrived.
    var status = 0
    /// Body bytes received.
    var bodyBytes = 0
    /// Time to connect (0 on a reused connection), in milliseconds.
    var connectMs = 0.0
    /// Time to the first byte of the response, in milliseconds.
    var firstByteMs = 0.0
    /// Time of the whole transfer, in milliseconds.
    var totalMs = 0.0
    /// Why the transfer failed or was not a success (non-2xx), or nil.
    var error: String?
}

/// Why an HTTP client could not be made.
struct HTTPClientError: Error, CustomStringConvertible {
    let description: String
}

/// libcurl's process-wide setup, done once before any worker thread starts.
enum CurlGlobal {
    /// The result of the one `curl_global_init` call; Swift runs this initialiser exactly once.
    private static let initCode: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// Initialises libcurl on first use; call it on the main thread before threads start.
    /// - Throws: `HTTPClientError` when libcurl cannot initialise.
    static func ensureInitialised() throws {
        guard initCode == CURLE_OK else {
            throw HTTPClientError(description: "libcurl failed to initialise: \(String(cString: curl_easy_strerror(initCode)))")
        }
    }
}

/// One libcurl easy handle, reused for every GET of one worker thread.
///
/// With reuse on, the handle keeps its connection open between requests (HTTP keep-alive),
/// as a Python worker reusing one `pycurl.Curl` would; with reuse off every request opens
/// and closes its own connection. Signals are off (`CURLOPT_NOSIGNAL`), so timeouts are safe
/// on any thread. Proxies from the environment are ignored: a benchmark of a loopback server
/// must not go through one.
///
/// Under a lock it works as CPython's `http.client` does under the GIL: the transfer runs
/// with the lock released, and each header line's parse and each piece of the body's copy
/// (libcurl's header and write callbacks, called between its socket reads) take it back for
/// their own work, as the interpreter parses and copies between two `recv` calls.
final class HTTPClient {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let sink: ResponseSink

    /// Where libcurl's callbacks put the response: the parsed length and the body's bytes.
    final class ResponseSink {
        /// The task's lock context while a GET runs, nil otherwise (and in `preflight`).
        var context: TaskContext?
        /// The body, copied as `response.read()` builds its bytes; its capacity is reused.
        var body: [UInt8] = []
        /// Header lines parsed, status line included.
        var headerLines = 0

        /// Runs a callback's work under the task's lock, or as it is without a context.
        func interpreting<T>(_ work: () -> T) -> T {
            guard let context else { return work() }
            return context.interpreting(work)
        }
    }

    /// Creates a handle.
    /// - Parameters:
    ///   - timeoutSeconds: the longest one GET may take, connection included.
    ///   - reuse: keep connections open between requests (true) or open a fresh one each time.
    /// - Throws: `HTTPClientError` when libcurl cannot make a handle.
    init(timeoutSeconds: Double, reuse: Bool) throws {
        try CurlGlobal.ensureInitialised()
        guard let handle = curl_easy_init() else {
            throw HTTPClientError(description: "libcurl could not create a handle")
        }
        self.handle = handle
        sink = ResponseSink()
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        let timeoutMs = max(1, Int(timeoutSeconds * 1000))
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMs)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs)
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1)
        ccurl_setopt_string(handle, CURLOPT_PROXY, "")
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, "threadbench")
        ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        let user = Unmanaged.passUnretained(sink).toOpaque()
        ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, HTTPClient.write)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, user)
        ccurl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, HTTPClient.header)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, user)
        if !reuse {
            ccurl_setopt_long(handle, CURLOPT_FORBID_REUSE, 1)
            ccurl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1)
        }
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// The write callback: copies a piece of the body into the sink, under the lock.
    private static let write: ccurl_write_callback = { data, size, count, user in
        underLock(data, size * count, user) { sink, bytes in sink.body.append(contentsOf: bytes) }
    }

    /// The header callback: parses one header line, under the lock; a Content-Length
    /// reserves the body's room, as `http.client` reads exactly that many bytes.
    private static let header: ccurl_write_callback = { data, size, count, user in
        underLock(data, size * count, user) { sink, bytes in
            let line = String(decoding: bytes, as: UTF8.self)
            sink.headerLines += 1
            if let bytes = contentLength(line) { sink.body.reserveCapacity(bytes) }
        }
    }

    /// What both callbacks share: finds the sink and hands it the piece of `length` bytes while
    /// holding the lock (`ResponseSink.interpreting`), as `http.client` handles what a socket
    /// call returned under the GIL. Returns `length`, which tells libcurl the piece was taken.
    private static func underLock(_ data: UnsafeMutablePointer<CChar>?, _ length: Int, _ user: UnsafeMutableRawPointer?,
                                  _ handle: (ResponseSink, UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        guard let user else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(user).takeUnretainedValue()
        guard length > 0, let data else { return length }
        sink.interpreting {
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                handle(sink, UnsafeBufferPointer(start: $0, count: length))
            }
        }
        return length
    }

    /// The value of a `Content-Length` header line, or nil for any other line.
    static func contentLength(_ line: String) -> Int? {
        guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == "content-length",
              let bytes = Int(line[line.index(after: colon)...].filter { !$0.isWhitespace }),
              (0...(1 << 30)).contains(bytes) else { return nil }
        return bytes
    }

    /// GETs `url` and waits for the whole body.
    ///
    /// With a `context`, the transfer runs in `context.blocking { }` and the callbacks'
    /// parsing and copying take the lock back for their own work; call it holding the lock.
    /// Without one, the whole GET runs as it is (the preflight check).
    /// - Returns: the result; a failed transfer or a non-2xx status has `error` set.
    func get(_ url: String, context: TaskContext? = nil) -> HTTPResult {
        sink.body.removeAll(keepingCapacity: true)
        sink.headerLines = 0
        errorBuffer[0] = 0
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        sink.context = context
        let code = context.map { context in context.blocking { curl_easy_perform(handle) } }
            ?? curl_easy_perform(handle)
        sink.context = nil
        var result = HTTPResult()
        result.bodyBytes = sink.body.count
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        result.status = status
        result.connectMs = microsToMillis(CURLINFO_CONNECT_TIME_T)
        result.firstByteMs = microsToMillis(CURLINFO_STARTTRANSFER_TIME_T)
        result.totalMs = microsToMillis(CURLINFO_TOTAL_TIME_T)
        if code != CURLE_OK {
            let detail = String(cString: errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            result.error = "GET \(url): \(reason)"
        } else if !(200..<300).contains(status) {
            result.error = "GET \(url): HTTP status \(status)"
        }
        return result
    }

    private func microsToMillis(_ info: CURLINFO) -> Double {
        var micros: curl_off_t = 0
        ccurl_getinfo_off_t(handle, info, &micros)
        return Double(micros) / 1000
    }
}
