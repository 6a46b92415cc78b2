import Foundation
import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchStorage

/// Runs each round of a Swift curve in a fresh `threadbench` process, as CPython's rounds run
/// in a fresh interpreter (`--swift-rounds fresh`).
///
/// Whatever a process carries from batch to batch (where its allocator put the lock and the
/// threads' stacks, glibc's cache of thread stacks, the state of its fixture server) is then
/// drawn anew each round, so its effect on the speedup shows in the spread of the rounds and
/// widens their interval, instead of shifting a whole run. The child gets this process's own
/// arguments, so it builds the same workloads, and the round in its environment (`RoundRequest`);
/// it answers with the round's records (`RoundChild`).
public struct FreshProcessExecutor: BatchExecuting {
    /// The `threadbench` executable to start.
    public let executable: String
    /// The arguments this process was started with, without the executable.
    public let arguments: [String]

    /// Creates an executor that starts `executable` with `arguments` for every round.
    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// This process's own executable and arguments.
    public static func current() -> FreshProcessExecutor {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return FreshProcessExecutor(executable: executable, arguments: Array(CommandLine.arguments.dropFirst()))
    }

    /// How long a child told to stop gets before it is killed: its batch's threads get
    /// `stopGraceSeconds` to finish their task, then it removes its temp folders and exits.
    static func terminationGraceSeconds(_ spec: BatchSpec) -> Seconds { spec.stopGraceSeconds + 3 }

    public func execute(_ spec: BatchSpec) throws -> BatchRecord {
        var records: [BatchRecord] = []
        try executeRound([spec]) { records.append($0) }
        return records[0]
    }

    /// Runs the round's batches in one fresh process and hands on their records in order.
    /// - Throws: `RunError.cancelled` on a stop, `RoundChildError` when the child fails or
    ///   answers with other than one record per spec, or what `onRecord` throws.
    public func executeRound(_ specs: [BatchSpec], onRecord: (BatchRecord) throws -> Void) throws {
        guard let first = specs.first else { return }
        let request = RoundRequest(workload: first.workload.name, runtime: first.runtime.rawValue,
                                   threads: specs.map(\.threads), tasks: specs.map(\.tasks),
                                   repetition: first.repetition)
        // Every batch's own limit, and time for the process to start, warm up and answer.
        let limit = specs.reduce(30) { $0 + $1.timeoutSeconds + $1.stopGraceSeconds }
        let result = try ChildProcess.run(executable, arguments, timeoutSeconds: limit,
                                          environment: [RoundRequest.environmentKey: try request.encoded()],
                                          terminationGraceSeconds: Self.terminationGraceSeconds(first),
                                          shouldStop: { first.stop.isRequested })
        if result.interrupted { throw RunError.cancelled }
        if result.timedOut { throw RoundChildError.timedOut(seconds: limit) }
        guard result.status == 0, !result.killedBySignal else {
            throw RoundChildError.failed(status: result.status, stderrTail: result.stderrTail)
        }
        let records = (try? CSVRunReader.parse(result.stdout, path: "round child").records) ?? []
        guard records.count == specs.count,
              zip(records, specs).allSatisfy({ $0.threads == $1.threads && $0.workload == $1.workload.name }) else {
            throw RoundChildError.wrongAnswer(received: records.count, expected: specs.count)
        }
        for record in records { try onRecord(record) }
    }
}
