import Foundation
import Synchronization
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// An executor that runs a whole round in one call and notes each call's thread counts.
final class RoundRecordingExecutor: BatchExecuting, Sendable {
    let calls = Mutex<[[Int]]>([])

    func execute(_ spec: BatchSpec) throws -> BatchRecord {
        Issue.record("the runner must go through executeRound")
        return try executeRound([spec])[0]
    }

    func executeRound(_ specs: [BatchSpec], onRecord: (BatchRecord) throws -> Void) throws {
        calls.withLock { $0.append(specs.map(\.threads)) }
        for spec in specs {
            var record = BatchRecord(workload: spec.workload.name, kind: spec.workload.kind, runtime: spec.runtime,
                                     runtimeVersion: "fake", switchIntervalMs: spec.switchIntervalMs,
                                     scaling: spec.scaling, threads: spec.threads, tasks: spec.tasks,
                                     repetition: spec.repetition)
            record.wallSeconds = 1 / Double(spec.threads)
            try onRecord(record)
        }
    }
}

/// The runner hands each round (warm-up rounds too) to its executor in one call.
@Suite struct RunnerExecuteRoundTests {
    @Test func everyRoundIsOneCallWithItsThreadCountsInOrder() throws {
        let plan = RunPlan(workloads: [NapWorkload(milliseconds: 1)], runtimes: [.cpython], threadCounts: [1, 2, 4],
                           repetitions: 3, warmup: 1, tasks: 4, scaling: .strong, switchIntervalMs: 5,
                           batchTimeoutSeconds: 60)
        let executor = RoundRecordingExecutor()
        var records: [BatchRecord] = []
        var progress: [RunProgress] = []
        try Runner(plan: plan, executors: [.cpython: executor])
            .run(progress: { progress.append($0) }) { records.append($0) }
        #expect(executor.calls.withLock { $0 } == Array(repeating: [1, 2, 4], count: 4), "1 warm-up + 3 rounds")
        #expect(records.map(\.threads) == [1, 2, 4, 1, 2, 4, 1, 2, 4])
        #expect(records.map(\.repetition) == [1, 1, 1, 2, 2, 2, 3, 3, 3])
        #expect(records.allSatisfy { $0.precisionTarget == plan.precision })
        #expect(progress.map(\.threads) == Array(repeating: [1, 2, 4], count: 4).flatMap { $0 })
        #expect(progress.map(\.done) == Array(0..<12), "one progress call before each batch")
    }

    @Test func aRecordHandlerErrorIsNotDressedAsABatchFailure() throws {
        struct DiskFull: Error {}
        let plan = RunPlan(workloads: [NapWorkload(milliseconds: 1)], runtimes: [.cpython], threadCounts: [1, 2],
                           repetitions: 1, warmup: 0, tasks: 4, scaling: .strong, switchIntervalMs: 5,
                           batchTimeoutSeconds: 60)
        #expect(throws: DiskFull.self) {
            try Runner(plan: plan, executors: [.cpython: RoundRecordingExecutor()]).run { _ in throw DiskFull() }
        }
    }
}
