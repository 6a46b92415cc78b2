import CSV
import Foundation
import ThreadBenchModel

/// Reads ThreadBench raw CSVs back into records, with one clear error per problem.
public enum CSVRunReader {
    /// Reads the raw CSV at `path`.
    /// - Throws: `CSVReadError`.
    public static func read(path: String) throws -> RecordedRun {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVReadError(path, .missingFile)
        }
        if isDirectory.boolValue { throw CSVReadError(path, .unreadable(reason: "it is a folder")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVReadError(path, .unreadable(reason: "permission denied or I/O error"))
        }
        return try parse(data, path: path)
    }

    /// Parses raw CSV bytes; `path` names the source in errors.
    /// - Throws: `CSVReadError`.
    public static func parse(_ data: Data, path: String) throws -> RecordedRun {
        guard !data.isEmpty else { throw CSVReadError(path, .empty) }
        guard !data.contains(0) else { throw CSVReadError(path, .notText(reason: "it holds NUL bytes")) }
        guard var text = String(data: data, encoding: .utf8) else {
            throw CSVReadError(path, .notText(reason: "it is not valid UTF-8"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy({ $0.isWhitespace }) { throw CSVReadError(path, .empty) }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw CSVReadError(path, .notCSV)
        }
        var line = 1
        var header: [String]?
        var table = Table(path: path, columns: [:])
        var run: RecordedRun?
        while let cells = reader.next() {
            let rowLine = line
            line += 1 + cells.reduce(0) { $0 + lineBreaks($1) }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard let columns = header else {
                header = cells
                table = try checkHeader(cells, path: path)
                continue
            }
            if cells == columns { continue }  // the header again, in concatenated files
            guard cells.count == columns.count else {
                throw CSVReadError(path, line: rowLine, .cellCount(found: cells.count, expected: columns.count))
            }
            let row = Row(table: table, cells: cells, line: rowLine)
            try append(row, to: &run)
        }
        if reader.error != nil { throw CSVReadError(path, .notCSV) }
        guard let run else { throw CSVReadError(path, .noRows) }
        return run
    }

    private static func lineBreaks(_ cell: String) -> Int {
        cell.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    }

    private static func checkHeader(_ cells: [String], path: String) throws -> Table {
        let names = cells.map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count > 1 else { throw CSVReadError(path, .notCSV) }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() where columns[name] == nil { columns[name] = index }
        guard columns[CSVSchema.schemaVersion.name] != nil, columns[CSVSchema.workload.name] != nil else {
            throw CSVReadError(path, .foreignCSV)
        }
        if columns[CSVSchema.wallMedian.name] != nil, columns[CSVSchema.repetition.name] == nil {
            throw CSVReadError(path, .notRawFile(which: .summary))
        }
        if columns[CSVSchema.uslSigma.name] != nil, columns[CSVSchema.repetition.name] == nil {
            throw CSVReadError(path, .notRawFile(which: .model))
        }
        let missing = CSVSchema.requiredRawColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw CSVReadError(path, .missingColumns(missing)) }
        return Table(path: path, columns: columns)
    }

    /// Adds a row's batch to the run, which the first row creates with its metadata.
    private static func append(_ row: Row, to run: inout RecordedRun?) throws {
        let record = try record(row)
        if run == nil {
            var first = RecordedRun(path: row.table.path, metadata: unreadMetadata)
            try CSVSchema.metadata.read(row, into: &first)
            run = first
        }
        let runID = row[CSVSchema.runID.name]
        if !run!.runIDs.contains(runID) { run!.runIDs.append(runID) }
        run!.complete = run!.complete && CSVSchema.isComplete(row)
        run!.records.append(record)
    }

    /// Metadata for the first row's columns to fill in.
    private static var unreadMetadata: RunMetadata {
        RunMetadata(hostLabel: "", machine: MachineInfo(hostname: "", os: "", kernel: "", arch: "", cpuModel: "",
                                                        logicalCPUs: 1, memoryBytes: 0), spawnJoinFloorMicros: 0)
    }

    /// A row's batch: its schema version checked first, then its key and its measurements.
    private static func record(_ row: Row) throws -> BatchRecord {
        let version = row[CSVSchema.schemaVersion.name]
        guard CSVSchema.readableVersions.map(String.init).contains(version) else {
            throw CSVReadError(row.table.path, line: row.line, .schemaVersion(found: version))
        }
        var record = BatchRecord(workload: "", kind: .cpu, runtime: .swift, runtimeVersion: "", switchIntervalMs: 0,
                                 scaling: .strong, threads: 1, tasks: 0, repetition: 0)
        try CSVSchema.batchKey.read(row, into: &record)
        try CSVSchema.rawFigures.read(row, into: &record)
        try CSVSchema.metrics.read(row, into: &record)
        return record
    }

    /// The header's column positions.
    struct Table {
        let path: String
        let columns: [String: Int]
    }

    /// One data row with typed access by column name.
    struct Row {
        let table: Table
        let cells: [String]
        let line: Int

        subscript(column: String) -> String {
            table.columns[column].map { cells[$0] } ?? ""
        }

        /// A number; an empty cell reads as 0 when `optional`.
        func double(_ column: String, optional: Bool = false) throws -> Double {
            let text = self[column].trimmingCharacters(in: .whitespaces)
            if text.isEmpty, optional { return 0 }
            guard let value = Double(text), value.isFinite else {
                throw CSVReadError(table.path, line: line, .notNumber(column: column, value: self[column]))
            }
            return value
        }

        /// A whole number; an empty cell reads as 0 when `optional`.
        func int(_ column: String, optional: Bool = false) throws -> Int {
            let value = try double(column, optional: optional)
            guard value == value.rounded(), abs(value) < 9e15 else { throw bad(column, expected: "a whole number") }
            return Int(value)
        }

        func bad(_ column: String, expected: String) -> CSVReadError {
            CSVReadError(table.path, line: line, .badValue(column: column, value: self[column], expected: expected))
        }
    }
}
