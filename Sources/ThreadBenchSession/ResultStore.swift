import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage

/// Keeps a run's records on disk as they arrive, so an error or an interruption loses
/// only the batch in flight.
///
/// The store only writes: the raw CSV is rewritten atomically after every batch with
/// `run_complete=false`; the analysed files are written at the end, with `run_complete=true` on both files when the run
/// finished, or `false` when it was cut short.
public final class ResultStore {
    /// Where the files go.
    public let paths: ResultPaths
    /// Every measured batch so far.
    public private(set) var records: [BatchRecord] = []
    private let reporter: CSVReporter
    /// The raw file as rewritten after every batch: each row is rendered once, when its
    /// batch arrives, so a run of many batches does not render its early rows again and again.
    private var rawText = Data()

    /// Creates a store; nothing is written until the first record arrives.
    public init(paths: ResultPaths, metadata: RunMetadata) {
        self.paths = paths
        self.reporter = CSVReporter(metadata: metadata)
    }

    /// Adds a batch and rewrites the raw file.
    /// - Throws: `FileWriteError`.
    public func append(_ record: BatchRecord) throws {
        if rawText.isEmpty { rawText = try reporter.rawHeader() }
        rawText += try reporter.rawRows([record], complete: false)
        records.append(record)
        try AtomicFile.write(rawText, to: paths.raw, durable: false)
    }

    /// Writes an analysis of the records as the raw, summary and model CSVs and the chart.
    /// - Parameters:
    ///   - analysis: what the records say, from `RunAnalysis`.
    ///   - complete: whether every planned batch ran.
    /// - Throws: `FileWriteError`.
    public func finish(_ analysis: RunAnalysis, complete: Bool) throws {
        guard !analysis.records.isEmpty else { return }
        try AtomicFile.write(try reporter.raw(analysis.records, outlierFlags: analysis.outlierFlags, complete: complete),
                             to: paths.raw)
        try AtomicFile.write(try reporter.summary(analysis.summary, complete: complete), to: paths.summary)
        try AtomicFile.write(try reporter.model(analysis.models, complete: complete), to: paths.model)
        try AtomicFile.write(Data(SVGChartReporter().render(analysis.charts).utf8), to: paths.chart)
    }
}
