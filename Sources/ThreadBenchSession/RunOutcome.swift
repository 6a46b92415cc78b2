import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

/// What a finished run leaves: what its records say, where its files are, and the workloads' caveats.
public struct RunOutcome: Sendable {
    /// The summary, models, warnings, findings and failure lines of the run's records.
    public let analysis: RunAnalysis
    /// The files written.
    public let paths: ResultPaths
    /// One sentence per workload that measures something other than it seems to.
    public let caveats: [String]
    /// How many cells met the precision target, per workload.
    public let precision: PrecisionReport
    /// The run and machine the records came from.
    public let metadata: RunMetadata

    /// Whether any batch ran without an error or a timeout; a run without one measured nothing.
    public var hasSuccessfulBatch: Bool { analysis.records.contains { !$0.failed } }

    /// Fails a run that measured nothing: its files are written, but no batch succeeded.
    /// - Throws: `RunSessionError.nothingSucceeded` when no batch ran without an error or a timeout.
    public func requireASuccessfulBatch() throws {
        guard hasSuccessfulBatch else { throw RunSessionError.nothingSucceeded(rawPath: paths.raw) }
    }
}
