import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// A workload whose only task never finishes on its own, for timeout tests.
final class HangWorkload: Workload, @unchecked Sendable {
    let name = "hang"
    let kind = WorkloadKind.io
    let summary = "test: hangs"
    let defaultTasks = 2
    let latch = Latch()
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker { Worker(latch: latch) }
    final class Worker: TaskWorker {
        let latch: Latch
        init(latch: Latch) { self.latch = latch }
        func run(task: Int, context: TaskContext) -> TaskOutcome {
            latch.wait()
            return TaskOutcome(ops: 1)
        }
    }
}

/// A workload whose last thread hangs (when there are two or more) and whose workers count their closes.
final class HalfHangWorkload: Workload, @unchecked Sendable {
    let name = "half-hang"
    let kind = WorkloadKind.io
    let summary = "test: the last of several threads hangs"
    let defaultTasks = 2
    let latch = Latch()
    let made = Counter()
    let closed = Counter()
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        made.add()
        return Worker(latch: threadCount > 1 && threadIndex == threadCount - 1 ? latch : nil, closed: closed)
    }
    final class Worker: TaskWorker {
        let latch: Latch?
        let closed: Counter
        init(latch: Latch?, closed: Counter) { self.latch = latch; self.closed = closed }
        func run(task: Int, context: TaskContext) -> TaskOutcome {
            latch?.wait()
            return TaskOutcome(ops: 1)
        }
        func close() { closed.add() }
    }
}

/// A workload whose tasks only count themselves, for stop tests.
final class TickWorkload: Workload, @unchecked Sendable {
    let name = "tick"
    let kind = WorkloadKind.cpu
    let summary = "test: counts its tasks"
    let defaultTasks = 1_000
    let ticks = Counter()
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker { Worker(ticks: ticks) }
    final class Worker: TaskWorker {
        let ticks: Counter
        init(ticks: Counter) { self.ticks = ticks }
        func run(task: Int, context: TaskContext) -> TaskOutcome {
            ticks.add()
            return TaskOutcome(ops: 1)
        }
    }
}

@Suite struct RunnerTests {
    func plan(_ workload: any Workload, threads: [Int], runtimes: [Runtime] = [.swift], tasks: Int? = nil,
              timeout: Seconds = 60) -> RunPlan {
        RunPlan(workloads: [workload], runtimes: runtimes, threadCounts: threads, repetitions: 1, warmup: 0,
                tasks: tasks, scaling: .strong, switchIntervalMs: 5, batchTimeoutSeconds: timeout)
    }

    @Test func sleepingThreadsBeatOneByFarAndEveryTaskRuns() throws {
        var records: [BatchRecord] = []
        try Runner(plan: plan(NapWorkload(milliseconds: 50), threads: [1, 8], runtimes: [.swift, .swiftGIL]))
            .run { records.append($0) }
        #expect(records.count == 4)
        for record in records {
            #expect(record.ops == 8)
            #expect(record.bytes == 80)
            #expect(record.errors == 1)
            #expect(record.firstError == "task 3 failed")
            #expect(record.timedOut == 0)
            #expect(record.taskP50Millis >= 50)
            #expect(record.metrics["io_p50_ms"] == 1)
        }
        let one = records.filter { $0.threads == 1 }
        let eight = records.filter { $0.threads == 8 }
        for (a, b) in zip(one, eight) {
            #expect(a.wallSeconds >= 0.4, "8 tasks of 50 ms on one thread take at least 400 ms")
            #expect(a.wallSeconds > 3 * b.wallSeconds, "8 sleeping threads beat 1 by more than 3x")
        }
    }

    @Test func hungThreadIsReportedAsTimedOut() throws {
        let workload = HangWorkload()
        var records: [BatchRecord] = []
        try Runner(plan: plan(workload, threads: [2], timeout: 0.3)).run { records.append($0) }
        workload.latch.release()
        #expect(records.count == 2)
        let two = records.first { $0.threads == 2 }!
        #expect(two.timedOut == 2)
        #expect(two.errors == 2)
        #expect(two.firstError.contains("abandoned"))
    }

    @Test func theRunsStopReachesTheBatchInFlight() {
        // One thread, one batch: the stop turns true after the first task, so only the
        // worker's own poll can end the batch, and the batch is dropped.
        let workload = TickWorkload()
        var records: [BatchRecord] = []
        #expect(throws: RunError.self) {
            try Runner(plan: plan(workload, threads: [1])).run(shouldStop: { workload.ticks.current > 0 }) {
                records.append($0)
            }
        }
        #expect(workload.ticks.current == 1)
        #expect(records.isEmpty)
    }

    @Test func theWorkerOfAnAbandonedThreadIsNotClosed() throws {
        let workload = HalfHangWorkload()
        var records: [BatchRecord] = []
        try Runner(plan: plan(workload, threads: [2], timeout: 0.3)).run { records.append($0) }
        #expect(records.map(\.timedOut) == [0, 1])
        #expect(workload.made.current == 3)
        #expect(workload.closed.current == 2, "the hung thread's worker stays open")
        workload.latch.release()
    }

    @Test func planAddsOneThreadAndRaisesDefaultTasks() {
        let p = plan(NapWorkload(milliseconds: 1), threads: [4, 16])
        #expect(p.threadCounts == [1, 4, 16])
        #expect(p.tasks(for: NapWorkload(milliseconds: 1), threads: 4) == 16)
        var weak = p
        weak.scaling = .weak
        weak.tasks = 3
        #expect(weak.tasks(for: NapWorkload(milliseconds: 1), threads: 4) == 12)
    }

    @Test func taskSplitCoversEveryTaskOnce() {
        for threads in 1...9 {
            let ranges = (0..<threads).map { TaskSplit.range(threadIndex: $0, threadCount: threads, totalTasks: 20) }
            #expect(ranges.map(\.count).reduce(0, +) == 20)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 20)
            #expect((ranges.map(\.count).max()! - ranges.map(\.count).min()!) <= 1)
        }
    }

    @Test func capacityCheckPassesForAModestCount() throws {
        try ThreadCapacity.check(64)
    }
}
