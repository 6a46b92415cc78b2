import ThreadBenchModel

/// Something that runs one batch and measures it: Swift threads, or a CPython child process.
///
/// The runner picks an executor per runtime, so a runtime whose threads live elsewhere
/// (another interpreter) plugs in without the runner knowing how it runs.
public protocol BatchExecuting: Sendable {
    /// Runs one batch and returns its measurements.
    /// - Throws: only when the run cannot go on (a thread cannot be created); a batch that
    ///   failed but was measured comes back as a record with errors.
    func execute(_ spec: BatchSpec) throws -> BatchRecord

    /// Runs a round's batches in order, handing each one's record to `onRecord` as soon as
    /// the executor has it: exactly one record per spec, in the order of `specs`.
    ///
    /// The default runs `execute` on each in turn, checking the specs' stop signal before
    /// each; an executor whose batches share a setting that varies from one start to the
    /// next (the CPython executor's interpreter process) runs the whole round in it, so the
    /// paired ratios of a round compare batches that shared it.
    /// - Throws: what `execute` or `onRecord` throws; `RunError.cancelled` on a stop.
    func executeRound(_ specs: [BatchSpec], onRecord: (BatchRecord) throws -> Void) throws

    /// Whether this executor can run `workload` at all; the runner skips those it cannot.
    func supports(_ workload: any Workload) -> Bool
}

extension BatchExecuting {
    public func supports(_ workload: any Workload) -> Bool { true }

    public func executeRound(_ specs: [BatchSpec], onRecord: (BatchRecord) throws -> Void) throws {
        for spec in specs {
            if spec.stop.isRequested { throw RunError.cancelled }
            try onRecord(try execute(spec))
        }
    }

    /// Runs a round's batches in order and returns their records, one per spec, in order.
    /// - Throws: as `executeRound(_:onRecord:)`.
    public func executeRound(_ specs: [BatchSpec]) throws -> [BatchRecord] {
        var records: [BatchRecord] = []
        try executeRound(specs) { records.append($0) }
        return records
    }
}
