import Foundation
import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchOutput

/// The child side of `FreshProcessExecutor`: runs one requested round and writes its records.
///
/// The process was started with its parent's options, so `configuration` holds the same
/// workloads. Before the round it runs one discarded warm-up batch at each of the round's thread
/// counts with a single task per thread, so that the round's first batch does not pay for what a
/// fresh process does once (first calls, the allocator's first pages, glibc's first thread
/// stacks), which the parent's long-lived process paid in its warm-up round. The records go to
/// stdout as raw CSV (header and rows); nothing else is written there. A SIGINT or SIGTERM
/// (`Interruption`, installed by the caller) stops the batch; the workload's temp folders go
/// with `tearDown` before the process exits.
public enum RoundChild {
    /// Runs the round `requestText` asks for and writes its records to stdout.
    /// - Throws: `RoundChildError` for a request it cannot run; what the workload or the
    ///   executor throws.
    public static func serve(_ requestText: String, configuration: RunConfiguration) throws {
        let request = try RoundRequest.decode(requestText)
        let plan = configuration.plan
        guard let workload = plan.workloads.first(where: { $0.name == request.workload }) else {
            throw RoundChildError.unknownWorkload(request.workload)
        }
        let runtime = Runtime(rawValue: request.runtime)
        guard runtime == .swift || runtime == .swiftGIL else { throw RoundChildError.unknownRuntime(request.runtime) }
        func spec(threads: Int, tasks: Int) -> BatchSpec {
            BatchSpec(workload: workload, runtime: runtime, threads: threads, tasks: tasks,
                      repetition: request.repetition, scaling: plan.scaling, switchIntervalMs: plan.switchIntervalMs,
                      timeoutSeconds: plan.batchTimeoutSeconds)
        }
        try workload.setUp()
        defer { workload.tearDown() }
        let executor = ThreadBatchExecutor()
        _ = try executor.executeRound(request.threads.map { spec(threads: $0, tasks: $0) })
        let records = try executor.executeRound(zip(request.threads, request.tasks).map { spec(threads: $0, tasks: $1) })
        let metadata = RunMetadata(hostLabel: "round-child", machine: MachineInfo.current(), spawnJoinFloorMicros: 0)
        let reporter = CSVReporter(metadata: metadata)
        FileHandle.standardOutput.write(try reporter.raw(records, outlierFlags: nil, complete: true))
    }
}

extension RoundChildError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .badRequest(let text): "a round child got a request it cannot read: \(text)"
        case .unknownWorkload(let name): "a round child was asked for workload '\(name)', which its options do not build"
        case .unknownRuntime(let name): "a round child runs only swift and swift-gil, not '\(name)'"
        case .failed(let status, let tail): "the round's process exited with status \(status)" + (tail.isEmpty ? "" : ": \(tail)")
        case .timedOut(let seconds): "the round's process ran past \(Int(seconds)) s and was killed"
        case .wrongAnswer(let received, let expected): "the round's process answered with \(received) records for \(expected) batches"
        }
    }
}
