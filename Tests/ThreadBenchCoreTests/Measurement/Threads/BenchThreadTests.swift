import Foundation
import Testing
@testable import ThreadBenchMeasurement

@Suite struct BenchThreadTests {
    @Test func runsTargetWithArgumentsAndJoins() {
        let counter = Counter()
        let thread = BenchThread(name: "worker", target: { (n: Int, step: Int) in
            for _ in 0..<n { counter.add(step) }
        }, args: (20, 2))
        #expect(!thread.isAlive)
        #expect(throws: Never.self) { try thread.start() }
        #expect(thread.join())
        #expect(counter.current == 40)
        #expect(!thread.isAlive)
    }

    @Test func timingsAreOrdered() throws {
        let thread = BenchThread { Clock.sleep(nanos: 2_000_000) }
        try thread.start()
        #expect(thread.join(timeout: 10))
        let t = thread.timing
        #expect(t.createCalledNanos <= t.createReturnedNanos)
        #expect(t.createCalledNanos <= t.startedNanos)
        #expect(t.startedNanos <= t.finishedNanos)
        #expect(t.finishedNanos <= t.joinReturnedNanos)
        #expect(Clock.span(t.startedNanos, t.finishedNanos) >= 2_000_000)
    }

    @Test func joinTimesOutWhileThreadRuns() throws {
        let latch = Latch()
        let thread = BenchThread { latch.wait() }
        try thread.start()
        #expect(thread.join(timeout: 0.05) == false)
        #expect(thread.isAlive)
        latch.release()
        #expect(thread.join(timeout: 10))
        #expect(!thread.isAlive)
    }

    @Test func startTwiceThrows() throws {
        let thread = BenchThread(name: "once") {}
        try thread.start()
        #expect(throws: ThreadError.alreadyStarted(name: "once")) { try thread.start() }
        thread.join()
    }

    @Test func joinBeforeStartReturnsFalse() {
        let thread = BenchThread {}
        #expect(thread.join(timeout: 0.01) == false)
    }

    @Test func daemonThreadIsAbandonedNotWaitedOn() throws {
        let latch = Latch()
        let thread = BenchThread(name: "daemon", daemon: true) { latch.wait() }
        try thread.start()
        #expect(thread.daemon)
        #expect(thread.join(timeout: 0.02) == false)
        #expect(thread.abandon())
        #expect(thread.isAbandoned)
        #expect(thread.isAlive)
        // Abandoned, it still counts as live (in a creation error) until its target returns.
        #expect(Self.isRegistered(thread))
        latch.release()
    }

    @Test func theRegistryHoldsAThreadFromStartUntilItFinishes() throws {
        let latch = Latch()
        let thread = BenchThread(name: "worker") { latch.wait() }
        #expect(!Self.isRegistered(thread))
        try thread.start()
        #expect(Self.isRegistered(thread))
        latch.release()
        #expect(thread.join(timeout: 10))
        #expect(!Self.isRegistered(thread))
    }

    /// Whether `thread` is among the live threads the core counts in a creation error.
    static func isRegistered(_ thread: BenchThread) -> Bool {
        ThreadRegistry.shared.snapshot().contains { $0 === thread }
    }

    @Test func creationFailureNamesTheLimit() {
        let error = ThreadError.creationFailed(name: "tb-x", code: EAGAIN, liveThreads: 12)
        #expect(error.description.contains("limit on threads"))
        #expect(error.description.contains("RLIMIT_AS"))
        #expect(error.description.contains("RLIMIT_NPROC"))
    }
}
