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

    func metadataCells(complete: Bool) -> [String] {
        let m = metadata.machine
        return [
            String(CSVSchema.version), metadata.runID, metadata.startedAt, CSVText.neutralized(metadata.hostLabel),
            CSVText.neutralized(m.hostname), CSVText.neutralized(m.os), CSVText.neutralized(m.kernel),
            CSVText.neutralized(m.arch),
            CSVText.neutralized(m.cpuModel), String(m.logicalCPUs), String(m.usableCPUs), m.cpuLimitText,
            String(m.memoryBytes), BuildInfo.swiftVersion,
            BuildInfo.version, BuildInfo.configuration, CSVText.number(metadata.spawnJoinFloorMicros),
            complete ? "true" : "false", CSVText.neutralized(metadata.machineChecks),
        ]
    }

    /// The key columns of a record or a summary row.
    func keyCells(_ batch: some BatchIdentity) -> [String] {
        [CSVText.neutralized(batch.workload), batch.kind.rawValue, CSVText.neutralized(batch.runtime.rawValue),
         CSVText.neutralized(batch.runtimeVersion), CSVText.number(batch.switchIntervalMs), batch.scaling.rawValue,
         String(batch.threads), String(batch.tasks),
         batch.taskWork.isSpecified ? CSVText.number(batch.taskWork.amount) : "",
         CSVText.neutralized(batch.taskWork.unit)]
    }

    private func rawRow(_ r: BatchRecord, outlier: Bool, complete: Bool) -> [String] {
        let n = CSVText.number
        return metadataCells(complete: complete)
            + keyCells(r)
            + [String(r.repetition), n(r.wallSeconds), outlier ? "1" : "0", n(r.workSeconds), n(r.cpuUserSeconds), n(r.cpuSysSeconds),
               n(r.threadCPUSeconds), String(r.voluntaryContextSwitches), String(r.involuntaryContextSwitches),
               n(r.spawnP50Micros), n(r.startP50Micros), n(r.startMaxMicros), n(r.joinP50Micros), n(r.joinMaxMicros),
               n(r.taskP50Millis), n(r.taskP99Millis), n(r.gilWaitSeconds), String(r.ops), String(r.bytes),
               String(r.errors), String(r.timedOut), CSVText.neutralized(r.firstError),
               r.precisionTarget.map { n($0 * 100) } ?? "", r.coresBusy.map(n) ?? "", r.isPilot ? "1" : "0",
               r.stealSeconds.map(n) ?? "", r.otherCPUSeconds.map(n) ?? ""]
            + CSVSchema.metricColumns.map { r.metrics[$0].map(n) ?? "" }
    }

    /// A summary row; a row whose every batch failed has empty figures.
    private func summaryRow(_ s: SummaryRow, complete: Bool) -> [String] {
        let empty = s.verdict == .failed
        func n(_ value: Double) -> String { empty ? "" : CSVText.number(value) }
        return metadataCells(complete: complete)
            + keyCells(s)
            + [String(s.repetitions), String(s.outliers), n(s.wallMedianSeconds), n(s.wallMinSeconds), n(s.wallMaxSeconds),
               n(s.wallStddevSeconds), n(s.wallCI95LowSeconds), n(s.wallCI95HighSeconds), n(s.speedup),
               n(s.speedupCI95Low), n(s.speedupCI95High),
               n(s.speedupUnpaired), n(s.speedupUnpairedCI95Low), n(s.speedupUnpairedCI95High),
               String(s.rounds), s.speedupHalfWidthPct.map(n) ?? "", s.precisionMet.map { $0 ? "true" : "false" } ?? "",
               s.parallelism.map { n($0.estimate) } ?? "", s.parallelism.map { n($0.low) } ?? "",
               s.parallelism.map { n($0.high) } ?? "", s.cpuEfficiency.map { n($0.estimate) } ?? "",
               s.cpuEfficiency.map { n($0.low) } ?? "", s.cpuEfficiency.map { n($0.high) } ?? "",
               s.coresBusy.map(n) ?? "", String(s.pilotRounds),
               n(s.efficiency), s.karpFlatt.map(n) ?? "",
               n(s.idealSpeedup), s.verdict.rawValue, n(s.gilWaitMedianSeconds), n(s.taskP50MedianMillis),
               String(s.errors), String(s.timedOut), String(s.failedBatches),
               CSVText.neutralized(s.notes.joined(separator: "; "))]
    }
}
