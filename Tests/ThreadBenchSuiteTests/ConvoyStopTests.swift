import Foundation
import Synchronization
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchSuite

/// A convoy batch that is stopped leaves no thread computing or waiting behind it. The
/// bounds below only keep a broken build from hanging the test run; they judge no speed.
@Suite struct ConvoyStopTests {
    /// Polls `condition` every 10 ms for up to a minute.
    private func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<6_000 {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test(arguments: [Runtime.swift, .swiftGIL])
    func aBatchStoppedWhileComputingEndsItsComputingThread(_ runtime: Runtime) throws {
        let workload = ConvoyWorkload(options: SuiteOptions(quick: true))
        // Stop as soon as the computing thread runs: the I/O thread then leaves its remaining
        // requests, so the computing thread never sees them all done.
        let stop = Flag()
        var spec = BatchSpec(workload: workload, runtime: runtime, threads: 2, tasks: 400, repetition: 1,
                             scaling: .strong, switchIntervalMs: 5, timeoutSeconds: 120)
        spec.stop = StopSignal {
            if workload.computingThreads > 0 { stop.raise() }
            return stop.isRaised
        }
        spec.stopGraceSeconds = 0.2
        #expect(throws: RunError.self) { try ThreadBatchExecutor().execute(spec) }
        #expect(stop.isRaised)
        #expect(eventually { workload.computingThreads == 0 }, "the computing thread still runs")
    }

    @Test func endingABatchReleasesThreadsWaitingForAPhase() throws {
        // Two I/O threads; only one finishes its baseline, so the computing thread waits for
        // the other and the first waits for the computing phase, until the batch ends.
        let batch = ConvoyBatch(threadCount: 3)
        batch.record(0..<4, threadIndex: 0)
        batch.record(4..<8, threadIndex: 1)
        batch.record(8..<9, threadIndex: 2)
        let computingDone = Flag(), requestDone = Flag()
        Thread.detachNewThread {
            let worker = ConvoyWorkload.ComputingWorker(batch: batch, count: ComputingCount())
            _ = worker.run(task: 8, context: TaskContext(lock: nil, threadIndex: 2))
            computingDone.raise()
        }
        Thread.detachNewThread {
            batch.finishBaselineAndWaitForComputing()
            requestDone.raise()
        }
        batch.end()
        #expect(eventually { computingDone.isRaised && requestDone.isRaised })
    }

    @Test func aFinishedBatchLeavesNoComputingThread() throws {
        let workload = ConvoyWorkload(options: SuiteOptions(quick: true))
        let records = try TestSupport.run(TestSupport.plan(workload, threads: [2], tasks: 20))
        #expect(records.first?.errors == 0)
        #expect(workload.computingThreads == 0)
    }
}
