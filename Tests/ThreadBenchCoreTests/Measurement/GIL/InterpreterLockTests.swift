import Foundation
import Synchronization
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

@Suite struct InterpreterLockTests {
    @Test func onlyOneHolderAtATime() throws {
        let lock = InterpreterLock(switchIntervalNanos: 200_000)
        let inside = Atomic<Int>(0)
        let mostInside = Atomic<Int>(0)
        let threads = (0..<4).map { index in
            BenchThread(name: "holder-\(index)") {
                let context = TaskContext(lock: lock, threadIndex: index)
                context.enter()
                for _ in 0..<200_000 {
                    let now = inside.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
                    _ = mostInside.max(now, ordering: .sequentiallyConsistent)
                    inside.wrappingSubtract(1, ordering: .sequentiallyConsistent)
                    context.checkpoint()
                }
                context.exit()
            }
        }
        for thread in threads { try thread.start() }
        for thread in threads { #expect(thread.join(timeout: 60)) }
        let most = mostInside.load(ordering: .sequentiallyConsistent)
        #expect(most == 1)
        #expect(lock.currentHolder == nil)
        #expect(lock.forcedSwitchCount > 0)
    }

    @Test func waiterGetsLockFromSpinningHolderWithinFewIntervals() throws {
        let interval: Nanoseconds = 5_000_000
        let lock = InterpreterLock(switchIntervalNanos: interval)
        let waiterHasIt = Atomic<Bool>(false)
        let holderStarted = Latch()
        let holder = BenchThread(name: "holder") {
            let context = TaskContext(lock: lock, threadIndex: 0)
            context.enter()
            holderStarted.release()
            let deadline = Clock.nowNanos() + 20_000_000_000
            // Spin, polling the lock, until the waiter has had it (bounded by a deadline).
            while !waiterHasIt.load(ordering: .acquiring) && Clock.nowNanos() < deadline {
                context.checkpoint()
            }
            context.exit()
        }
        try holder.start()
        holderStarted.wait()
        let waited = lock.acquire(99)
        waiterHasIt.store(true, ordering: .releasing)
        lock.release(99)
        #expect(holder.join(timeout: 30))
        #expect(waited >= interval / 2, "a waiter waits about one interval before asking for the lock")
        #expect(waited < 100 * interval, "the holder must drop the lock at a checkpoint after the request")
        #expect(lock.forcedSwitchCount >= 1)
    }

    @Test func lockIsFreeDuringBlockingCall() throws {
        let lock = InterpreterLock()
        let inBlockingCall = Latch()
        let finishBlockingCall = Latch()
        let sawFree = Atomic<Bool>(false)
        let worker = BenchThread(name: "io") {
            let context = TaskContext(lock: lock, threadIndex: 0)
            context.enter()
            context.blocking {
                inBlockingCall.release()
                finishBlockingCall.wait()
            }
            sawFree.store(true, ordering: .releasing)
            context.exit()
        }
        try worker.start()
        inBlockingCall.wait()
        #expect(lock.currentHolder == nil)
        lock.acquire(42)
        #expect(lock.currentHolder == 42)
        finishBlockingCall.release()
        // The worker cannot take the lock back while we hold it.
        Clock.sleep(nanos: 20_000_000)
        let sawFreeEarly = sawFree.load(ordering: .acquiring)
        #expect(sawFreeEarly == false)
        lock.release(42)
        #expect(worker.join(timeout: 10))
        let sawFreeLater = sawFree.load(ordering: .acquiring)
        #expect(sawFreeLater)
    }

    @Test func checkpointWithoutRequestDoesNothing() {
        let lock = InterpreterLock()
        lock.acquire(1)
        #expect(lock.checkpoint(1) == 0)
        #expect(lock.currentHolder == 1)
        lock.release(1)
    }

    @Test func noLockContextIsANoOp() {
        let context = TaskContext(lock: nil, threadIndex: 3)
        context.enter()
        context.checkpoint()
        let value = context.blocking { 7 }
        context.exit()
        #expect(value == 7)
        #expect(context.lockWaitNanos == 0)
        #expect(context.threadID == 4)
    }
}
