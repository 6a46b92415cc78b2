import Testing
@testable import ThreadBenchSuite

@Suite struct ConvoyWorkloadTests {
    @Test func reportsLatencyWithAndWithoutTheComputingThread() throws {
        let workload = ConvoyWorkload(options: SuiteOptions(quick: true))
        let records = try TestSupport.run(TestSupport.plan(workload, threads: [1, 3], runtimes: [.swift, .swiftGIL],
                                                           tasks: 40))
        #expect(records.count == 4)
        for record in records {
            #expect(record.errors == 0, "\(record.firstError)")
            #expect(record.timedOut == 0)
            #expect((record.metrics["io_baseline_p50_ms"] ?? 0) >= workload.requestMs)
            if record.threads == 1 {
                #expect(record.metrics["io_p50_ms"] == nil)
            } else {
                #expect((record.metrics["io_p50_ms"] ?? 0) >= workload.requestMs)
            }
        }
    }

    @Test func underTheGILARequestWaitsForTheComputingThread() throws {
        // The computing thread never blocks, so a waiting thread gets the lock back only by
        // asking for it: one full switch interval (5 ms) after its sleep at the least.
        let workload = ConvoyWorkload(options: SuiteOptions(quick: true))
        let records = try TestSupport.run(TestSupport.plan(workload, threads: [2], runtimes: [.swiftGIL], tasks: 20))
        let locked = try #require(records.first { $0.threads == 2 })
        #expect((locked.metrics["io_p50_ms"] ?? 0) >= 5 + workload.requestMs)
    }
}
