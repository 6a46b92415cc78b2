import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchSession

/// The parent side of `--swift-rounds fresh`, against stand-in children written in sh.
struct FreshProcessExecutorTests {
    static func specs(_ threads: [Int]) -> [BatchSpec] {
        threads.map { BatchSpec(workload: NapWorkload(milliseconds: 1), runtime: .swift, threads: $0, tasks: 4, repetition: 3,
                                scaling: .strong, switchIntervalMs: 5, timeoutSeconds: 10) }
    }

    static func executor(script: String) -> FreshProcessExecutor {
        FreshProcessExecutor(executable: "/bin/sh", arguments: ["-c", script])
    }

    @Test func requestRoundTripsThroughJSON() throws {
        let request = RoundRequest(workload: "math", runtime: "swift-gil", threads: [1, 8, 64], tasks: [128, 128, 128],
                                   repetition: 4)
        #expect(try RoundRequest.decode(request.encoded()) == request)
        #expect(throws: RoundChildError.self) { try RoundRequest.decode("{\"workload\": 3}") }
    }

    @Test func theChildGetsTheRequestInItsEnvironment() throws {
        // The stand-in writes its request where the test can read it, then fails on purpose.
        let file = NSTemporaryDirectory() + "tb-request-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: file) }
        let executor = Self.executor(script: "printf '%s' \"$\(RoundRequest.environmentKey)\" > '\(file)'; exit 3")
        #expect(throws: RoundChildError.failed(status: 3, stderrTail: "")) {
            try executor.executeRound(Self.specs([1, 2])) { _ in }
        }
        let sent = try RoundRequest.decode(String(contentsOfFile: file, encoding: .utf8))
        #expect(sent == RoundRequest(workload: "nap", runtime: "swift", threads: [1, 2], tasks: [4, 4], repetition: 3))
    }

    @Test func aChildThatFailsSaysSoWithItsLastLine() {
        let executor = Self.executor(script: "echo 'first' >&2; echo 'the workload broke' >&2; exit 1")
        #expect(throws: RoundChildError.failed(status: 1, stderrTail: "the workload broke")) {
            try executor.executeRound(Self.specs([1])) { _ in }
        }
    }

    @Test func anAnswerThatIsNotTheRoundsRecordsIsRefused() {
        let executor = Self.executor(script: "echo 'not,a,round'")
        var handed = 0
        #expect(throws: RoundChildError.wrongAnswer(received: 0, expected: 2)) {
            try executor.executeRound(Self.specs([1, 2])) { _ in handed += 1 }
        }
        #expect(handed == 0)
    }

    @Test func reapedChildrenCountAsThisProcesssOwnCPU() {
        let stat = "4242 (threadbench) S 1 4242 4242 0 -1 4194304 100 0 0 0 50 7 30 12 20 0 9 0 100 0 0"
        #expect(ActivityMeter.reapedChildrenTicks(stat: stat) == 42)
        #expect(ActivityMeter.reapedChildrenTicks(stat: "12 (x) R 1 2") == 0)
    }
}

/// Which way a command line's run puts its Swift rounds.
struct SwiftRoundsChoiceTests {
    @Test func freshUnlessQuickAndWhatIsAskedForWins() {
        #expect(SwiftRounds.chosen(nil, quick: false) == .fresh)
        #expect(SwiftRounds.chosen(nil, quick: true) == .shared)
        #expect(SwiftRounds.chosen(.fresh, quick: true) == .fresh)
        #expect(SwiftRounds.chosen(.shared, quick: false) == .shared)
    }
}
