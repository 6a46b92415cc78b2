import Foundation
import Synchronization
import Testing
@testable import ThreadBenchMeasurement

/// The main thread's side of the emulated GIL: it holds the lock, releases it only while it
/// waits, and competes with the workers to take it back.
@Suite struct MainThreadHandoffTests {
    @Test func mainThreadHoldsTheLockUntilItWaits() throws {
        let lock = InterpreterLock()
        let main = MainThreadHandoff(lock: lock)
        main.enter()
        #expect(lock.currentHolder == MainThreadHandoff.threadID)
        let workerHasIt = Latch()
        let workerMayEnd = Latch()
        let worker = BenchThread(name: "worker") {
            let context = TaskContext(lock: lock, threadIndex: 0)
            context.enter()
            workerHasIt.release()
            workerMayEnd.wait()
            context.exit()
        }
        try worker.start()
        // The worker cannot have the lock while the main thread runs.
        #expect(lock.currentHolder == MainThreadHandoff.threadID)
        var holderWhileMainWaits: Int?
        let joined = main.blocking {
            workerHasIt.wait()
            holderWhileMainWaits = lock.currentHolder
            workerMayEnd.release()
            return worker.join(timeout: 30)
        }
        #expect(joined)
        #expect(holderWhileMainWaits == 1)
        #expect(main.isHolding)
        #expect(lock.currentHolder == MainThreadHandoff.threadID)
        main.exit()
        #expect(lock.currentHolder == nil)
        #expect(!main.isHolding)
    }

    /// After its wait, the main thread takes the lock back from a computing worker only by a
    /// drop request that the worker honours at a checkpoint: one forced switch.
    @Test func mainThreadCompetesWithAComputingWorkerAfterItsWait() throws {
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        let main = MainThreadHandoff(lock: lock)
        main.enter()
        let computing = Latch()
        let stop = Atomic<Bool>(false)
        let worker = BenchThread(name: "computing") {
            let context = TaskContext(lock: lock, threadIndex: 0)
            context.enter()
            computing.release()
            while !stop.load(ordering: .acquiring) { context.checkpoint() }
            context.exit()
        }
        try worker.start()
        // The main thread's own release may already have been a forced switch (the worker
        // waited long enough to ask for the lock), so count from when the worker holds it.
        let forcedBefore = main.blocking {
            computing.wait()
            return lock.forcedSwitchCount
        }
        #expect(main.isHolding)
        #expect(lock.currentHolder == MainThreadHandoff.threadID)
        #expect(lock.forcedSwitchCount == forcedBefore + 1, "the worker dropped the lock at a checkpoint, on request")
        stop.store(true, ordering: .releasing)
        let joined = main.blocking { worker.join(timeout: 30) }
        #expect(joined)
        #expect(lock.currentHolder == MainThreadHandoff.threadID)
        main.exit()
        #expect(lock.currentHolder == nil)
    }

    @Test func withoutALockEveryCallIsANoOp() {
        let main = MainThreadHandoff(lock: nil)
        main.enter()
        #expect(!main.isHolding)
        #expect(main.blocking { 7 } == 7)
        main.exit()
        #expect(main.lockWaitNanos == 0)
    }
}
