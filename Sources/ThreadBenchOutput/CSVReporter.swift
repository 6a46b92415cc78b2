import CSV
import Foundation
import ThreadBenchModel
import ThreadBenchStorage

/// Turns a run's records and summary into CSV text (RFC 4180, via CSV.swift).
public struct CSVReporter: Sendable {
    /// The run's metadata, repeated on every row.
    public let metadata: RunMetadata

    /// Creates a reporter for one run.
    public init(metadata: RunMetadata) { self.metadata = metadata }

    /// The raw file: a header and one row per batch.
    /// - Parameter complete: false while the run is still going or was interrupted.
    public func raw(_ records: [BatchRecord], outlierFlags: [Bool]?, complete: Bool) throws -> Data {
        let outliers = outlierFlags ?? Array(repeating: false, count: records.count)
        return try Self.render(header: CSVSchema.rawColumns,
                          rows: zip(records, outliers).map { rawRow($0, outlier: $1, complete: complete) })
    }

    /// The raw file's rows for `records`, each line ending in a newline, to follow `rawHeader()`:
    /// what a store appends after every batch without rendering the earlier rows again.
    public func rawRows(_ records: [BatchRecord], complete: Bool) throws -> Data {
        guard !records.isEmpty else { return Data() }
        return try Self.render(records.map { rawRow($0, outlier: false, complete: complete) })
    }

    /// The raw file's header line, ending in a newline.
    public func rawHeader() throws -> Data { try Self.render([CSVSchema.rawColumns]) }

    /// The summary file: a header and one row per workload x runtime x thread count.
    public func summary(_ rows: [SummaryRow], complete: Bool) throws -> Data {
        try Self.render(header: CSVSchema.summaryColumns, rows: rows.map { summaryRow($0, complete: complete) })
    }

    /// CSV text of a header and rows, ending with a newline.
    static func render(header: [String], rows: [[String]]) throws -> Data {
        for row in rows {
            precondition(row.count == header.count, "CSV row has \(row.count) cells for \(header.count) columns")
        }
        return try render([header] + rows)
    }

    /// CSV text of rows, the first one included, ending with a newline.
    private static func render(_ rows: [[String]]) throws -> Data {
        let writer = try CSVWriter(stream: .toMemory())
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        return data + Data("\n".utf8)
    }

    /// The metadata cells every row of the run's files begins with.
    func metadataCells(complete: Bool) -> [String] {
        CSVSchema.metadata.cells((metadata, complete))
    }

    private func rawRow(_ record: BatchRecord, outlier: Bool, complete: Bool) -> [String] {
        let cells: RawCells = (record, outlier)
        return metadataCells(complete: complete) + CSVSchema.batchKey.cells(record)
            + CSVSchema.rawFigures.cells(cells) + CSVSchema.metrics.cells(cells)
    }

    /// A summary row; a row whose every batch failed has empty figures.
    private func summaryRow(_ row: SummaryRow, complete: Bool) -> [String] {
        metadataCells(complete: complete) + CSVSchema.batchKey.cells(row) + CSVSchema.summaryFigures.cells((row, row.notes.map(\.text)))
    }
}
