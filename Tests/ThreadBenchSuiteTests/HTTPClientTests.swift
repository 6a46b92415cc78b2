import FixtureServer
import Testing
@testable import ThreadBenchCore
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
}
