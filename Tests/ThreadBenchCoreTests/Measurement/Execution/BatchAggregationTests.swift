import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// Both executors fold their threads with one `BatchAggregation`: the same timings give the same record.
struct BatchAggregationTests {
    /// A Swift worker's slot and timing that measured what `DriverReportTests.thread` reports.
    static func swiftThread(errors: Int = 0, firstError: String? = nil) -> ThreadFigures {
        let slot = WorkerSlot()
        slot.taskNanos = [20_100_000, 20_300_000]
        slot.tally.ops = 2
        slot.tally.bytes = 100
        slot.tally.errors = errors
        slot.tally.firstError = firstError
        slot.tally.samplesMs = ["io": [1.0, 3.0]]
        var timing = ThreadTiming()
        timing.createCalledNanos = 5_000_000
        timing.createReturnedNanos = 5_080_500
        timing.startedNanos = 5_120_000
        timing.finishedNanos = 45_120_000
        timing.joinReturnedNanos = 45_180_000
        timing.cpuNanos = 1_000_000
        return slot.figures(timing: timing)
    }

    static func pythonReport(timedOut: Int = 0) throws -> DriverReport {
        var threads = [DriverReportTests.thread(0), DriverReportTests.thread(1, errors: 1, firstError: "boom")]
        if timedOut > 0 { threads.append(#"{"index": 2, "finished": false, "spawn_us": 70}"#) }
        let text = DriverReportTests.report(threads: threads, timedOut: timedOut)
        return try DriverReport.parse(Data(text.utf8), threads: threads.count)
    }

    @Test func aTallyCountsEachTaskAndKeepsTheFirstError() {
        var tally = ThreadFigures(spawnMicros: 0)
        tally.count(TaskOutcome(ops: 2, bytes: 10, samplesMs: ["io": 1]))
        tally.count(TaskOutcome(ops: 1, error: "first", samplesMs: ["io": 3]))
        tally.count(TaskOutcome(ops: 1, error: "second"))
        #expect(tally.ops == 4 && tally.bytes == 10 && tally.errors == 2 && tally.firstError == "first")
        #expect(tally.samplesMs == ["io": [1, 3]])
    }

    @Test func swiftAndPythonThreadsWithTheSameTimingsGiveTheSameFigures() throws {
        let python = try Self.pythonReport().threads!.map(\.figures)
        let swift = [Self.swiftThread(), Self.swiftThread(errors: 1, firstError: "boom")]
        #expect(swift == python)
    }

    @Test func bothExecutorsPathsGiveTheSameRecord() throws {
        let spec = DriverReportTests.spec(threads: 2)
        let pythonRecord = DriverReportTests.executor.fold(try Self.pythonReport(), spec: spec, workload: PortableNap())
        var swiftRecord = pythonRecord
        BatchAggregation.fold([Self.swiftThread(), Self.swiftThread(errors: 1, firstError: "boom")],
                              sampleNames: PortableNap().sampleNames, into: &swiftRecord)
        #expect(swiftRecord == pythonRecord)
        #expect(pythonRecord.spawnP50Micros == 80.5)
        #expect(pythonRecord.startMaxMicros == 120)
        #expect(pythonRecord.joinP50Micros == 60)
        #expect(abs(pythonRecord.threadCPUSeconds - 0.002) < 1e-12)
        #expect(pythonRecord.metrics["io_p99_ms"] != nil)
    }

    @Test func anUnfinishedThreadCountsOnlyItsSpawn() {
        let done = ThreadFigures(spawnMicros: 10, startLatencyMicros: 4, joinLatencyMicros: 2, taskMillis: [1],
                                 ops: 1, samplesMs: ["io": [1]])
        let hung = ThreadFigures(finished: false, spawnMicros: 30, startLatencyMicros: 400, joinLatencyMicros: 200,
                                 taskMillis: [9], ops: 7, errors: 7, firstError: "lost", samplesMs: ["io": [9]])
        var record = BatchRecord(workload: "w", kind: .io, runtime: .cpython, runtimeVersion: "cpython-3.99.0",
                                 switchIntervalMs: 5, scaling: .strong, threads: 2, tasks: 2, repetition: 1)
        BatchAggregation.fold([done, hung], sampleNames: ["io"], into: &record)
        #expect(record.spawnP50Micros == 20)
        #expect(record.startMaxMicros == 4)
        #expect(record.joinMaxMicros == 2)
        #expect(record.taskP99Millis == 1)
        #expect(record.ops == 1)
        #expect(record.errors == 0)
        #expect(record.firstError.isEmpty)
        #expect(record.metrics["io_p99_ms"] == 1)
    }

    @Test func timedOutThreadsAreErrorsAndTheReasonIsKeptOnlyWithoutAnEarlierError() {
        var record = BatchRecord(workload: "w", kind: .io, runtime: .swift, runtimeVersion: "swift-6.3",
                                 switchIntervalMs: 5, scaling: .strong, threads: 3, tasks: 6, repetition: 1)
        BatchAggregation.markTimedOut(0, in: &record, reason: "unused")
        #expect(record.timedOut == 0 && record.errors == 0 && record.firstError.isEmpty)
        BatchAggregation.markTimedOut(2, in: &record, reason: "2 of 3 threads still running")
        #expect(record.timedOut == 2)
        #expect(record.errors == 2)
        #expect(record.firstError == "2 of 3 threads still running")
        var failed = record
        failed.timedOut = 0
        failed.errors = 1
        failed.firstError = "task 3 failed"
        BatchAggregation.markTimedOut(1, in: &failed, reason: "1 of 3 threads still running")
        #expect(failed.errors == 2)
        #expect(failed.firstError == "task 3 failed")
    }
}
