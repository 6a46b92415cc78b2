import Testing
@testable import FixtureServer

@Suite struct FixtureRouteTests {
    @Test func delayBytesAndBothTogether() {
        #expect(FixtureRoute.resolve("/delay?ms=20") == FixtureRoute(status: 200, delayMs: 20, bodyBytes: 0, message: nil))
        #expect(FixtureRoute.resolve("/bytes?n=5") == FixtureRoute(status: 200, delayMs: 0, bodyBytes: 5, message: nil))
        #expect(FixtureRoute.resolve("/delay?ms=3&n=7") == FixtureRoute(status: 200, delayMs: 3, bodyBytes: 7, message: nil))
        #expect(FixtureRoute.resolve("/bytes?n=7&ms=3") == FixtureRoute(status: 200, delayMs: 3, bodyBytes: 7, message: nil))
        #expect(FixtureRoute.resolve("/delay").status == 200)
    }

    @Test func otherPathsAreNotFound() {
        for target in ["/", "/delays?ms=1", "/bytes/1", ""] {
            #expect(FixtureRoute.resolve(target).status == 404, "\(target)")
        }
    }

    @Test func badOrOversizedNumbersAreRefused() {
        let capped = FixtureRoute.maxBodyBytes + 1
        for target in ["/delay?ms=abc", "/delay?ms=-1", "/bytes?n=", "/bytes?n=1.5", "/bytes?n=\(capped)",
                       "/delay?ms=\(FixtureRoute.maxDelayMs + 1)"] {
            let route = FixtureRoute.resolve(target)
            #expect(route.status == 400, "\(target)")
            #expect(route.message != nil)
        }
    }

    @Test func patternRepeatsTheAlphabet() {
        #expect(FixtureRoute.patternByte(at: 0) == UInt8(ascii: "a"))
        #expect(FixtureRoute.patternByte(at: 25) == UInt8(ascii: "z"))
        #expect(FixtureRoute.patternByte(at: 26) == UInt8(ascii: "a"))
    }
}

@Suite struct FixtureServerTests {
    @Test func startsOnAFreePortAndStopsCleanly() throws {
        let server = FixtureServer()
        let port = try server.start()
        #expect(port > 0)
        #expect(server.url("/bytes?n=1") == "http://127.0.0.1:\(port)/bytes?n=1")
        server.stop()
        #expect(server.port == nil)
        server.stop()
        // The port is free again once stopped.
        let again = FixtureServer(port: port)
        #expect(try again.start() == port)
        again.stop()
    }

    @Test func aPortInUseIsReportedAsSuch() throws {
        let first = FixtureServer()
        let port = try first.start()
        defer { first.stop() }
        let second = FixtureServer(port: port)
        #expect {
            try second.start()
        } throws: { error in
            guard case FixtureServerError.portInUse(_, let busy) = error else { return false }
            return busy == port
        }
    }

    @Test func startingTwiceIsRefused() throws {
        let server = FixtureServer()
        try server.start()
        defer { server.stop() }
        #expect(throws: FixtureServerError.self) { try server.start() }
    }
}
