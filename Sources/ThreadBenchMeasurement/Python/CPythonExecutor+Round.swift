import Foundation
import ThreadBenchModel

/// One batch of a round as the CPython executor ran it: its record, and the report it came from.
struct DriverBatch {
    var record: BatchRecord
    /// The driver's report; nil when the batch got none (the driver died, was killed, or never ran it).
    var report: DriverReport?
}

extension CPythonExecutor {
    /// Runs a round's batches in one driver process, in order, and hands each record on.
    ///
    /// A batch that left hung workers behind ends its process (the driver exits after its
    /// report), and the batches after it run in a fresh one. When the process dies, breaks the
    /// contract or is killed at the round's time limit (the batches' timeouts together plus
    /// `graceSeconds`), the batch in flight and those after it come back as failed records.
    /// - Throws: `RunError.cancelled` when the specs' stop signal said so (the child is killed),
    ///   after handing on the batches that finished before it; or what `onRecord` throws.
    public func executeRound(_ specs: [BatchSpec], onRecord: (BatchRecord) throws -> Void) throws {
        try runRound(specs) { try onRecord($0.record) }
    }

    /// `executeRound` with each batch's report, for tests that check which process ran it.
    func runRound(_ specs: [BatchSpec], each: (DriverBatch) throws -> Void) throws {
        var rest = specs[...]
        while !rest.isEmpty {
            let (batches, stopped) = try runChild(Array(rest))
            for batch in batches { try each(batch) }
            if stopped { throw RunError.cancelled }
            rest = rest.dropFirst(max(1, batches.count))
        }
    }

    /// Runs a prefix of `specs` in one driver process: a batch for each report, then, unless
    /// the driver stopped on purpose after a hung batch, a failed one for every batch it sent
    /// but got no report for. Never returns an empty list for a non-empty `specs`.
    /// - Returns: the batches, and whether a stop request ended the child.
    private func runChild(_ specs: [BatchSpec]) throws -> ([DriverBatch], stopped: Bool) {
        // The batches up to the first that cannot be sent; that one fails alone, in its turn.
        var requests: [String] = []
        for spec in specs {
            guard case .success(let json) = request(for: spec) else { break }
            requests.append(json)
        }
        if requests.isEmpty, case .failure(let why) = request(for: specs[0]) {
            return ([DriverBatch(record: failed(specs[0], seconds: 0, why.description))], false)
        }
        let sent = Array(specs.prefix(requests.count))
        let limit = sent.map(\.timeoutSeconds).reduce(0, +) + graceSeconds
        let stop = sent[0].stop
        let result: ChildResult
        do {
            result = try ChildProcess.run(interpreter.executable, [driverPath, "[" + requests.joined(separator: ",") + "]"],
                                          timeoutSeconds: limit, environment: interpreter.environment,
                                          shouldStop: { stop.isRequested })
        } catch {
            return (sent.map { DriverBatch(record: failed($0, seconds: 0, "python driver: \(error)")) }, false)
        }
        let how = result.killedBySignal ? "died on signal \(result.status)" : "exited with status \(result.status)"
        let tail = result.stderrTail.isEmpty ? "" : "; stderr: \(result.stderrTail)"
        var batches: [DriverBatch] = []
        for line in Self.reportLines(result).prefix(sent.count) {
            let spec = sent[batches.count]
            do {
                let report = try DriverReport.parse(Data(line.utf8), threads: spec.threads, workers: workers)
                batches.append(DriverBatch(record: record(for: report, spec: spec, seconds: result.elapsedSeconds),
                                           report: report))
            } catch {
                batches.append(DriverBatch(record: failed(spec, seconds: result.elapsedSeconds,
                                                          "python driver \(how) and \(error)\(tail)")))
                return (batches + notRun(sent.dropFirst(batches.count), after: spec), result.interrupted)
            }
        }
        if result.interrupted || batches.count == sent.count { return (batches, result.interrupted) }
        if Self.stoppedAfterHang(result, batches) { return (batches, false) }
        // The batch in flight when the driver ended, and those it never reached.
        let inFlight = sent[batches.count]
        var record: BatchRecord
        if result.timedOut {
            record = failed(inFlight, seconds: result.elapsedSeconds,
                            "python driver still running after \(CSVText.number(limit)) s; killed")
            record.timedOut = inFlight.threads
        } else {
            let printed = batches.isEmpty ? "printed nothing" : "printed no report for this batch"
            record = failed(inFlight, seconds: result.elapsedSeconds, "python driver \(how) and \(printed)\(tail)")
        }
        return (batches + [DriverBatch(record: record)] + notRun(sent.dropFirst(batches.count + 1), after: inFlight),
                false)
    }

    /// The batch's request as one line of JSON, or why it cannot be sent.
    private func request(for spec: BatchSpec) -> Result<String, DriverContractError> {
        guard let workload = spec.workload as? any PythonPortable else {
            return .failure(DriverContractError(description: "\(spec.workload.name) has no Python version"))
        }
        do {
            return .success(try DriverRequest(spec: spec, workload: workload, workers: workers).json())
        } catch {
            return .failure(DriverContractError(description: "cannot encode the batch for the python driver: \(error)"))
        }
    }

    /// Failed records for batches the driver never reached because it ended during `spec`'s.
    private func notRun(_ specs: ArraySlice<BatchSpec>, after spec: BatchSpec) -> [DriverBatch] {
        specs.map {
            DriverBatch(record: failed($0, seconds: 0,
                                       "not run: the python driver ended during the batch at \(spec.threads) threads"))
        }
    }

    /// The report lines of a child's stdout; a last line cut off by a kill is not one.
    static func reportLines(_ result: ChildResult) -> [String] {
        let text = String(decoding: result.stdout, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let cut = result.timedOut || result.interrupted || result.killedBySignal
        if let last = lines.last, !text.hasSuffix("\n"), cut || last.isEmpty { lines.removeLast() }
        return lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Whether the driver exited on purpose after a batch with hung workers (status 3), so the
    /// batches after it can run in a fresh process.
    static func stoppedAfterHang(_ result: ChildResult, _ batches: [DriverBatch]) -> Bool {
        guard !result.timedOut, !result.killedBySignal, result.status == 3,
              let last = batches.last?.report else { return false }
        return (last.timed_out ?? 0) > 0
    }
}
