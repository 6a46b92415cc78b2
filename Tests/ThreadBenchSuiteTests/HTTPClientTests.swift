import FixtureServer
import Foundation
import Synchronization
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchSuite

@Suite struct HTTPClientTests {
    @Test func getRoundTripReturnsStatusAndBody() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let client = try HTTPClient(timeoutSeconds: 10, reuse: true)
        let result = client.get(server.url("/bytes?n=100000")!)
        #expect(result.error == nil)
        #expect(result.status == 200)
        #expect(result.bodyBytes == 100_000)
        #expect(result.totalMs >= result.firstByteMs)
    }

    @Test func delayEndpointWaitsAtLeastTheDelay() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let client = try HTTPClient(timeoutSeconds: 10, reuse: true)
        let begin = Clock.nowNanos()
        let result = client.get(server.url("/delay?ms=120&n=10")!)
        let elapsedMs = Double(Clock.span(begin, Clock.nowNanos())) / 1e6
        #expect(result.error == nil)
        #expect(result.bodyBytes == 10)
        #expect(elapsedMs >= 120)
        #expect(result.firstByteMs >= 120)
    }

    @Test func notFoundAndBadNumbersAreErrorsWithTheirStatus() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let client = try HTTPClient(timeoutSeconds: 10, reuse: true)
        let missing = client.get(server.url("/nowhere")!)
        #expect(missing.status == 404)
        #expect(missing.error?.contains("HTTP status 404") == true)
        let bad = client.get(server.url("/bytes?n=lots")!)
        #expect(bad.status == 400)
        #expect(bad.error?.contains("HTTP status 400") == true)
    }

    @Test func reuseKeepsTheConnectionAndNoReuseOpensANewOne() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let url = server.url("/bytes?n=1")!
        let reusing = try HTTPClient(timeoutSeconds: 10, reuse: true)
        #expect(reusing.get(url).connectMs > 0)
        #expect(reusing.get(url).connectMs == 0)
        let fresh = try HTTPClient(timeoutSeconds: 10, reuse: false)
        #expect(fresh.get(url).connectMs > 0)
        #expect(fresh.get(url).connectMs > 0)
    }

    @Test func aClosedPortIsAnErrorNotACrash() throws {
        let client = try HTTPClient(timeoutSeconds: 5, reuse: true)
        let result = client.get("http://127.0.0.1:\(TestSupport.closedPort())/delay?ms=1")
        #expect(result.status == 0)
        #expect(result.error != nil)
    }

    @Test func theGILIsReleasedDuringATransfer() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let url = server.url("/delay?ms=400")!
        let lock = InterpreterLock()
        let inside = Flag()
        let finished = Flag()
        let thread = BenchThread(name: "curl") {
            let client = try! HTTPClient(timeoutSeconds: 10, reuse: true)
            let context = TaskContext(lock: lock, threadIndex: 0)
            context.enter()
            _ = context.blocking { () -> HTTPResult in
                inside.raise()
                return client.get(url)
            }
            finished.raise()
            context.exit()
        }
        try thread.start()
        inside.wait()
        // The transfer takes 400 ms; the lock must be free for another thread meanwhile.
        lock.acquire(99)
        let transferStillRunning = !finished.isRaised
        lock.release(99)
        #expect(thread.join(timeout: 10))
        #expect(transferStillRunning)
        #expect(finished.isRaised)
    }

    /// As in `http.client` under the GIL, each header line is parsed and each piece of the body
    /// copied with the lock held: a GET whose transfer runs while another thread holds the lock
    /// asks for it (a drop request) and cannot finish until it gets it.
    @Test func headersAndBodyAreHandledUnderTheLock() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        let url = server.url("/bytes?n=50000")!
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        let holder = TaskContext(lock: lock, threadIndex: 5)
        holder.enter()
        let finished = Flag()
        let outcome = Mutex<HTTPResult?>(nil)
        let thread = BenchThread(name: "curl") {
            let client = try! HTTPClient(timeoutSeconds: 10, reuse: true)
            // Not entered: the transfer runs as it is, and only the callbacks take the lock.
            let result = client.get(url, context: TaskContext(lock: lock, threadIndex: 0))
            outcome.withLock { $0 = result }
            finished.raise()
        }
        try thread.start()
        while !lock.isDropRequested && !finished.isRaised { sched_yield() }
        let askedForTheLock = !finished.isRaised
        holder.exit()
        #expect(thread.join(timeout: 10))
        #expect(askedForTheLock, "the GET finished without taking the lock")
        let result = try #require(outcome.withLock { $0 })
        #expect(result.error == nil)
        #expect(result.bodyBytes == 50_000)
        #expect(lock.takes(by: 1) >= 1)
    }

    @Test func contentLengthIsReadFromItsHeaderLineOnly() {
        #expect(HTTPClient.contentLength("Content-Length: 16384\r\n") == 16_384)
        #expect(HTTPClient.contentLength("content-length:12\r\n") == 12)
        #expect(HTTPClient.contentLength("HTTP/1.1 200 OK\r\n") == nil)
        #expect(HTTPClient.contentLength("Content-Type: text/plain\r\n") == nil)
        #expect(HTTPClient.contentLength("Content-Length: -5\r\n") == nil)
        #expect(HTTPClient.contentLength("Content-Length: lots\r\n") == nil)
    }
}
