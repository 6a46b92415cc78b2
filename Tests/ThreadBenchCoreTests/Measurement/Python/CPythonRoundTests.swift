import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// A round's batches in one driver process, with shell-script drivers (no Python needed):
/// what comes back when the driver ends part way through a round.
struct CPythonRoundTests {
    /// A report for a batch at `threads` threads, as one line for a shell script to print.
    static func line(threads: Int, timedOut: Int = 0) -> String {
        let finished = (0..<threads).map { index in
            index < threads - timedOut ? DriverReportTests.thread(index)
                : #"{"index": \#(index), "finished": false, "spawn_us": 80.5}"#
        }
        return "printf '%s\\n' '" + DriverReportTests.report(threads: finished, timedOut: timedOut) + "'\n"
    }

    static func specs(_ threads: [Int], timeout: Seconds = 5) -> [BatchSpec] {
        threads.map { CPythonExecutorTests.spec(threads: $0, timeout: timeout) }
    }

    @Test func eachReportLineBecomesItsBatchsRecordInOrder() throws {
        let (executor, folder) = try CPythonExecutorTests.executor(
            driver: Self.line(threads: 1) + Self.line(threads: 2) + Self.line(threads: 4))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let records = try executor.executeRound(Self.specs([1, 2, 4]))
        #expect(records.map(\.threads) == [1, 2, 4])
        #expect(records.map(\.errors) == [0, 0, 0], "\(records.map(\.firstError))")
        #expect(records.map(\.wallSeconds) == [0.05, 0.05, 0.05])
    }

    @Test func aDriverThatDiesMidRoundFailsTheBatchInFlightAndTheRest() throws {
        let (executor, folder) = try CPythonExecutorTests.executor(
            driver: Self.line(threads: 1) + "echo 'MemoryError' >&2\nkill -9 $$\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let records = try executor.executeRound(Self.specs([1, 2, 4]))
        #expect(records.map(\.threads) == [1, 2, 4])
        #expect(records.map(\.errors) == [0, 2, 4])
        #expect(records[1].firstError.contains("signal 9") && records[1].firstError.contains("no report"))
        #expect(records[1].firstError.contains("MemoryError"))
        #expect(records[2].firstError.contains("not run"))
        #expect(records.map(\.timedOut) == [0, 0, 0])
    }

    @Test func aKilledDriverTimesOutTheBatchInFlight() throws {
        let (executor, folder) = try CPythonExecutorTests.executor(
            driver: Self.line(threads: 1) + "exec sleep 30\n", grace: 0.3)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let records = try executor.executeRound(Self.specs([1, 2, 4], timeout: 0.2))
        #expect(records.map(\.errors) == [0, 2, 4])
        #expect(records.map(\.timedOut) == [0, 2, 0])
        #expect(records[1].firstError.contains("killed"))
        #expect(records[2].firstError.contains("not run"))
    }

    @Test func aBrokenReportFailsItsBatchAndTheRestAreNotTrusted() throws {
        let (executor, folder) = try CPythonExecutorTests.executor(
            driver: Self.line(threads: 1) + "echo 'hello, world'\n" + Self.line(threads: 4))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let records = try executor.executeRound(Self.specs([1, 2, 4]))
        #expect(records.map(\.errors) == [0, 2, 4])
        #expect(records[1].firstError.contains("not JSON"))
        #expect(records[2].firstError.contains("not run"))
    }

    @Test func aStopMidRoundHandsOnTheFinishedBatchesThenCancels() throws {
        let (executor, folder) = try CPythonExecutorTests.executor(
            driver: Self.line(threads: 1) + "exec sleep 30\n", grace: 30)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let began = Date()
        var specs = Self.specs([1, 2], timeout: 30)
        for index in specs.indices { specs[index].stop = StopSignal { Date().timeIntervalSince(began) > 0.5 } }
        var records: [BatchRecord] = []
        #expect(throws: RunError.self) { try executor.executeRound(specs) { records.append($0) } }
        #expect(records.map(\.threads) == [1])
        #expect(Date().timeIntervalSince(began) < 10)
    }

    @Test func reportLinesDropALineCutOffByAKill() {
        var result = ChildResult(status: 9, killedBySignal: true, timedOut: true, stdout: Data("{\"a\": 1}\n{\"b\"".utf8),
                                 stderr: Data(), elapsedSeconds: 1)
        #expect(CPythonExecutor.reportLines(result) == ["{\"a\": 1}"])
        result = ChildResult(status: 0, killedBySignal: false, timedOut: false, stdout: Data("\n{\"a\": 1}\n\n{\"b\": 2}".utf8),
                             stderr: Data(), elapsedSeconds: 1)
        #expect(CPythonExecutor.reportLines(result) == ["{\"a\": 1}", "{\"b\": 2}"])
    }
}
