import Foundation
import Synchronization
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// A computing test workload that reports what its threads saw of the emulated lock.
///
/// Thread 1 computes (checkpointing) until the batch's main thread has taken the lock from
/// another holder a second time: the first is its `enter()` before the threads start; the
/// second can only be its return from joining thread 0, which ends (waiting with the lock
/// released) only once thread 1 computes, so the main thread must win the lock from it.
final class HandoffProbe: Workload, @unchecked Sendable {
    let name = "handoff-probe"
    let kind = WorkloadKind.cpu
    let summary = "test: watches the main thread's handoff"
    let defaultTasks = 2
    /// Per thread index, the main thread's takes seen when the thread's first task began.
    let mainTakesAtFirstTask = Mutex<[Int: Int]>([:])
    /// Opened when thread 1 begins to compute.
    let computing = Latch()

    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        Worker(probe: self, index: threadIndex, count: threadCount)
    }

    final class Worker: TaskWorker {
        let probe: HandoffProbe
        let index: Int
        let count: Int
        init(probe: HandoffProbe, index: Int, count: Int) { self.probe = probe; self.index = index; self.count = count }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            guard let lock = context.lock else { return TaskOutcome(ops: 0, error: "no lock") }
            let main = MainThreadHandoff.threadID
            probe.mainTakesAtFirstTask.withLock { seen in
                if seen[index] == nil { seen[index] = lock.takes(by: main) }
            }
            guard index > 0 else {
                if count > 1 { context.blocking { probe.computing.wait() } }
                return TaskOutcome(ops: 1)
            }
            probe.computing.release()
            var ops = 0
            while lock.takes(by: main) < 2 {
                context.checkpoint()
                ops += 1
            }
            return TaskOutcome(ops: ops)
        }
    }
}

/// The GIL's rules where ThreadBench calls the lock: the executor's main thread, a worker's
/// last release. Orderings and counters only, never durations.
@Suite struct GILCallSiteTests {
    static func spec(_ workload: any Workload, threads: Int, runtime: Runtime = .swiftGIL) -> BatchSpec {
        BatchSpec(workload: workload, runtime: runtime, threads: threads, tasks: threads, repetition: 1,
                  scaling: .strong, switchIntervalMs: 0.2, timeoutSeconds: 30)
    }

    /// CPython's main thread holds the GIL before the first start(): so does the executor's,
    /// and the workers take the lock only after it (holder changes counted by the lock).
    @Test func theMainThreadTakesTheLockBeforeAnyWorker() throws {
        let probe = HandoffProbe()
        let record = try ThreadBatchExecutor().execute(Self.spec(probe, threads: 1))
        #expect(record.errors == 0, "\(record.firstError)")
        #expect(probe.mainTakesAtFirstTask.withLock { $0[0] } == 1)
    }

    /// After the barrier, the main thread competes with computing workers: back from joining
    /// thread 0 it asks for the lock, and a computing thread hands it over at a checkpoint.
    /// Without the handoff the computing thread would never stop and the batch would time out.
    @Test func backFromAJoinTheMainThreadTakesTheLockFromAComputingThread() throws {
        let probe = HandoffProbe()
        let record = try ThreadBatchExecutor().execute(Self.spec(probe, threads: 2))
        #expect(record.timedOut == 0)
        #expect(record.errors == 0, "\(record.firstError)")
        #expect(probe.mainTakesAtFirstTask.withLock { $0[1] } == 1, "thread 1 began before the main thread came back")
    }

    /// Without a lock (the `swift` runtime) the main thread's handoff does nothing.
    @Test func withoutALockTheProbeSeesNone() throws {
        let record = try ThreadBatchExecutor().execute(Self.spec(HandoffProbe(), threads: 1, runtime: .swift))
        #expect(record.firstError == "no lock")
    }

    /// drop_gil skips the forced switch on a thread's last release: a worker's `exit()` with a
    /// drop request pending returns at once instead of waiting for the asker to take the lock.
    @Test func aWorkersFinalReleaseIsNoForcedSwitch() throws {
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        let ending = TaskContext(lock: lock, threadIndex: 0)
        ending.enter()
        let asker = try Self.startAsker(lock)
        ending.exit()
        #expect(asker.join(timeout: 30))
        #expect(lock.forcedSwitchCount == 0, "a thread's last release does not wait for the next holder")
        #expect(lock.takes(by: 2) == 1)
    }

    /// A release that is not a thread's last (around a blocking call) with a request pending is
    /// a forced switch: the releasing thread returns only once the asker has taken the lock.
    @Test func aBlockingCallWithARequestPendingIsAForcedSwitch() throws {
        let lock = InterpreterLock(switchIntervalNanos: 100_000)
        let worker = TaskContext(lock: lock, threadIndex: 0)
        worker.enter()
        let asker = try Self.startAsker(lock)
        let askerTookIt = worker.blocking { lock.takes(by: 2) == 1 }
        #expect(askerTookIt, "the blocking call began only after the asker had the lock")
        #expect(lock.forcedSwitchCount == 1)
        worker.exit()
        #expect(asker.join(timeout: 30))
    }

    /// `interpreting` inside a blocking call takes the lock for its work and gives it back.
    @Test func interpretingInsideABlockingCallHoldsTheLockForItsWork() {
        let lock = InterpreterLock()
        let context = TaskContext(lock: lock, threadIndex: 0)
        context.enter()
        let holders: (inside: Int?, between: Int?) = context.blocking {
            let inside = context.interpreting { lock.currentHolder }
            return (inside, lock.currentHolder)
        }
        #expect(holders.inside == 1)
        #expect(holders.between == nil)
        #expect(lock.currentHolder == 1)
        #expect(context.interpreting { 7 } == 7, "outside a blocking call it just runs")
        context.exit()
        #expect(TaskContext(lock: nil, threadIndex: 0).interpreting { 3 } == 3)
    }

    /// Starts a worker (thread index 1) that enters and exits once, and returns once its wait
    /// for the lock held by thread index 0 has become a drop request.
    private static func startAsker(_ lock: InterpreterLock) throws -> BenchThread {
        let asker = BenchThread(name: "asker") {
            let context = TaskContext(lock: lock, threadIndex: 1)
            context.enter()
            context.exit()
        }
        try asker.start()
        while !lock.isDropRequested { sched_yield() }
        return asker
    }
}
