import Foundation

/// Keeps a run's records on disk as they arrive, so an error or an interruption loses
/// only the batch in flight.
///
/// The raw CSV is rewritten atomically after every batch with `run_complete=false`; the
/// summary is written at the end, with `run_complete=true` on both files when the run
/// finished, or `false` when it was cut short.
public final class ResultStore {
    /// Where the files go.
    public let paths: ResultPaths
    /// Every measured batch so far.
    public private(set) var records: [BatchRecord] = []
    /// The scaling models fitted by `finish`, one per workload x runtime x scaling.
    public private(set) var models: [ScalingModel] = []
    /// Warnings about the results found by `finish` (unstable, outliers, tiny work per thread).
    public private(set) var warnings: [String] = []
    private let reporter: CSVReporter
    private let logicalCPUs: Int
    private let metadata: RunMetadata

    /// Creates a store; nothing is written until the first record arrives.
    public init(paths: ResultPaths, metadata: RunMetadata) {
        self.paths = paths
        self.reporter = CSVReporter(metadata: metadata)
        self.logicalCPUs = metadata.machine.logicalCPUs
        self.metadata = metadata
    }

    /// Adds a batch and rewrites the raw file.
    /// - Throws: `FileWriteError`.
    public func append(_ record: BatchRecord) throws {
        records.append(record)
        try AtomicFile.write(try reporter.raw(records, complete: false), to: paths.raw, durable: false)
    }

    /// Writes the raw and summary files for the last time, then the model CSV and the chart.
    /// - Parameter complete: whether every planned batch ran.
    /// - Returns: the summary rows; empty, and nothing written, when there are no records.
    /// - Throws: `FileWriteError`.
    @discardableResult
    public func finish(complete: Bool) throws -> [SummaryRow] {
        guard !records.isEmpty else { return [] }
        let summary = Summarizer.summarize(records, logicalCPUs: logicalCPUs)
        try AtomicFile.write(try reporter.raw(records, complete: complete), to: paths.raw)
        try AtomicFile.write(try reporter.summary(summary, complete: complete), to: paths.summary)
        models = ScalingModel.fits(summary)
        warnings = RunDiagnostics.warnings(summary, spawnJoinFloorMicros: metadata.spawnJoinFloorMicros)
        try AtomicFile.write(try reporter.model(models, complete: complete), to: paths.model)
        let charts = SpeedupChart.charts(summary, label: metadata.hostLabel, logicalCPUs: logicalCPUs)
        try AtomicFile.write(Data(SVGChartReporter().render(charts).utf8), to: paths.chart)
        return summary
    }
}
