/// Something that runs one batch and measures it: Swift threads, or a CPython child process.
///
/// The runner picks an executor per runtime, so a runtime whose threads live elsewhere
/// (another interpreter) plugs in without the runner knowing how it runs.
public protocol BatchExecuting: Sendable {
    /// Runs one batch and returns its measurements.
    /// - Throws: only when the run cannot go on (a thread cannot be created); a batch that
    ///   failed but was measured comes back as a record with errors.
    func execute(_ spec: BatchSpec) throws -> BatchRecord

    /// Whether this executor can run `workload` at all; the runner skips those it cannot.
    func supports(_ workload: any Workload) -> Bool
}

extension BatchExecuting {
    public func supports(_ workload: any Workload) -> Bool { true }
}
