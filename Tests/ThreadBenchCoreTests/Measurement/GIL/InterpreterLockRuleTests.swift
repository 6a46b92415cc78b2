import Foundation
import Synchronization
import Testing
@testable import ThreadBenchMeasurement

/// Polls `condition` until it holds or a generous bound passes; the bound only stops a broken build hanging.
/// Starts a thread (id 2) that takes the lock once and releases it for good; while thread 1
/// holds it, the thread waits and then asks for a drop.
private func startAsking(_ lock: InterpreterLock) throws -> BenchThread {
    let waiter = BenchThread(name: "waiter") {
        lock.acquire(2)
        lock.release(2, final: true)
    }
    try waiter.start()
    return waiter
}

private func eventually(_ condition: () -> Bool) -> Bool {
    let deadline = Clock.nowNanos() &+ 30_000_000_000
    while !condition() {
        guard Clock.nowNanos() < deadline else { return false }
        Clock.sleep(nanos: 200_000)
    }
    return true
}

/// The rules of CPython's `ceval_gil.c` that the emulated GIL keeps, one test (or two) each.
@Suite struct InterpreterLockRuleTests {
    /// take_gil: `switch_number` moves only when the new holder differs from the last one.
    @Test func switchCountMovesOnlyWhenTheHolderChanges() {
        let lock = InterpreterLock()
        let context = TaskContext(lock: lock, threadIndex: 0)
        context.enter()
        #expect(lock.switchCount == 1)
        for _ in 0..<5 { context.blocking {} }
        #expect(lock.switchCount == 1, "taking the lock back after a blocking call is no switch")
        context.exit()
        lock.acquire(7)
        #expect(lock.switchCount == 2)
        lock.release(7)
        lock.acquire(7)
        #expect(lock.switchCount == 2)
        lock.release(7)
        #expect(lock.forcedSwitchCount == 0)
    }

    /// drop_gil: a release around a blocking call, with a drop request pending, waits until
    /// the waiter has taken the lock; the wait counts as the thread's wait for the lock.
    @Test func releaseAroundBlockingCallWaitsForTheWaiterWhenADropIsRequested() throws {
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        let context = TaskContext(lock: lock, threadIndex: 0)
        context.enter()
        let waiterMayRelease = Latch()
        let waiter = BenchThread(name: "waiter") {
            lock.acquire(2)
            waiterMayRelease.wait()
            lock.release(2, final: true)
        }
        try waiter.start()
        #expect(eventually { lock.isDropRequested }, "the waiter asks for the lock after one interval")
        var holderDuringCall: Int?
        context.blocking {
            // The release returned only once another thread had the lock; the waiter keeps it.
            holderDuringCall = lock.currentHolder
            waiterMayRelease.release()
        }
        #expect(holderDuringCall == 2)
        #expect(lock.currentHolder == 1)
        #expect(lock.forcedSwitchCount == 1)
        #expect(lock.switchCount == 3)
        #expect(context.lockWaitNanos >= lock.forcedSwitchWaitNanos, "the forced switch's wait is lock wait")
        context.exit()
        #expect(waiter.join(timeout: 30))
    }

    /// The forced-switch wait inside `release` comes back once, from the thread's next `acquire`.
    @Test func forcedSwitchWaitIsReturnedByTheNextAcquire() throws {
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        lock.acquire(1)
        let waiterHasIt = Latch()
        let waiterMayRelease = Latch()
        let waiter = BenchThread(name: "waiter") {
            lock.acquire(2)
            waiterHasIt.release()
            waiterMayRelease.wait()
            lock.release(2, final: true)
        }
        try waiter.start()
        #expect(eventually { lock.isDropRequested })
        lock.release(1)
        waiterHasIt.wait()
        let forcedWait = lock.forcedSwitchWaitNanos
        waiterMayRelease.release()
        let waited = lock.acquire(1)
        #expect(waited >= forcedWait)
        #expect(lock.forcedSwitchCount == 1)
        lock.release(1, final: true)
        #expect(waiter.join(timeout: 30))
    }

    /// drop_gil: a thread's last release skips the forced switch even with a request pending.
    @Test func finalReleaseSkipsTheForcedSwitch() throws {
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        lock.acquire(1)
        let waiter = try startAsking(lock)
        #expect(eventually { lock.isDropRequested })
        lock.release(1, final: true)
        #expect(waiter.join(timeout: 30))
        #expect(lock.forcedSwitchCount == 0)
        #expect(lock.forcedSwitchWaitNanos == 0)
        #expect(lock.currentHolder == nil)
    }

    /// A checkpoint drop is one case of the same rule: counted once, its wait returned.
    @Test func checkpointDropIsAForcedSwitch() throws {
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        lock.acquire(1)
        let waiter = try startAsking(lock)
        #expect(eventually { lock.isDropRequested })
        let waited = lock.checkpoint(1)
        #expect(lock.currentHolder == 1)
        #expect(lock.forcedSwitchCount == 1)
        #expect(waited >= lock.forcedSwitchWaitNanos)
        lock.release(1, final: true)
        #expect(waiter.join(timeout: 30))
    }
}
