import Foundation
import Testing
@testable import ThreadBenchSuite

@Suite struct HTTPWorkloadTests {
    @Test func embeddedServerRunsEveryTaskWithoutErrorsAndStops() throws {
        let workload = HTTPWorkload(options: SuiteOptions(httpDelayMs: 10, httpBytes: 2048))
        let records = try TestSupport.run(TestSupport.plan(workload, threads: [1, 4], runtimes: [.swift, .swiftGIL],
                                                           tasks: 8))
        #expect(records.count == 4)
        for record in records {
            #expect(record.errors == 0, "\(record.firstError)")
            #expect(record.ops == 8)
            #expect(record.bytes == 8 * 2048)
            #expect((record.metrics["http_total_p50_ms"] ?? 0) >= 10)
            #expect((record.metrics["http_ttfb_p50_ms"] ?? 0) >= 10)
            #expect(record.metrics["http_connect_p99_ms"] != nil)
        }
        #expect(workload.url == nil)
    }

    @Test func aClosedPortCountsEveryTaskAsAnError() throws {
        let url = "http://127.0.0.1:\(TestSupport.closedPort())/delay?ms=1"
        let workload = HTTPWorkload(options: SuiteOptions(httpURL: url, httpTimeoutSeconds: 5))
        let records = try TestSupport.run(TestSupport.plan(workload, threads: [1, 2], tasks: 6))
        for record in records {
            #expect(record.errors == 6)
            #expect(record.timedOut == 0)
            #expect(record.firstError.contains(url))
            #expect(record.metrics["http_total_p50_ms"] == nil)
        }
    }

    @Test func preflightRejectsAnUnreachableURL() throws {
        let url = "http://127.0.0.1:\(TestSupport.closedPort())/"
        let workload = HTTPWorkload(options: SuiteOptions(httpURL: url))
        #expect(throws: SuiteError.self) { try Suite.preflight([workload]) }
    }

    @Test func zeroDelayCarriesTheCPUBoundCaveat() {
        #expect(HTTPWorkload(options: SuiteOptions(httpDelayMs: 0)).caveat?.contains("CPU-bound") == true)
        #expect(HTTPWorkload(options: SuiteOptions()).caveat == nil)
    }
}
