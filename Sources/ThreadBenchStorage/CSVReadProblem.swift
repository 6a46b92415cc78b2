/// What is wrong with a file that `CSVRunReader` cannot read (`CSVReadError`).
public enum CSVReadProblem: Equatable, Sendable {
    /// No file at the path.
    case missingFile
    /// The file exists but cannot be read (a folder, no permission).
    case unreadable(reason: String)
    /// Zero bytes, or only blank lines.
    case empty
    /// No comma-separated header, or quoting that does not parse.
    case notCSV
    /// Not UTF-8 text: NUL bytes or invalid byte sequences.
    case notText(reason: String)
    /// A CSV without ThreadBench's identifying columns.
    case foreignCSV
    /// ThreadBench's summary or model file where the raw file is needed.
    case notRawFile(which: DerivedFile)
    /// A ThreadBench CSV lacking some columns this version needs.
    case missingColumns([String])
    /// A schema version this ThreadBench does not read.
    case schemaVersion(found: String)
    /// A header and no data rows.
    case noRows
    /// A row with more or fewer cells than the header.
    case cellCount(found: Int, expected: Int)
    /// A cell that should hold a number and does not.
    case notNumber(column: String, value: String)
    /// A cell outside its column's allowed values.
    case badValue(column: String, value: String, expected: String)

    /// The problem in words, after the file's name and line.
    var text: String {
        switch self {
        case .missingFile: "no such file"
        case .unreadable(let reason): "cannot read: \(reason)"
        case .empty: "empty file, expected a ThreadBench CSV"
        case .notCSV: "not a CSV file (no comma-separated header row of text)"
        case .notText(let reason): "not a CSV file: \(reason) (ThreadBench writes UTF-8 text)"
        case .foreignCSV: "not a ThreadBench CSV (no schema_version and workload columns; another tool's file?)"
        case .notRawFile(let which):
            "this is a ThreadBench \(which.rawValue) file; give the raw file (the run's .csv without "
                + "-\(which.rawValue) in its name)"
        case .missingColumns(let columns):
            "missing \(columns.count) column\(columns.count == 1 ? "" : "s"): "
                + columns.prefix(5).joined(separator: ", ") + (columns.count > 5 ? ", ..." : "")
        case .schemaVersion(let found):
            "schema_version '\(found)', this threadbench reads versions "
                + CSVSchema.readableVersions.dropLast().map(String.init).joined(separator: ", ")
                + " and \(CSVSchema.readableVersions.last ?? CSVSchema.version)"
        case .noRows: "a header but no data rows"
        case let .cellCount(found, expected): "\(found) cells where the header has \(expected)"
        case let .notNumber(column, value): "column \(column): '\(Self.clip(value))' is not a number"
        case let .badValue(column, value, expected): "column \(column): '\(Self.clip(value))' is not \(expected)"
        }
    }

    /// A file a run writes beside its raw CSV, which the reader refuses.
    public enum DerivedFile: String, Sendable {
        case summary, model
    }

    /// A cell shortened for a one-line message, with line breaks shown as spaces.
    private static func clip(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return flat.count > 40 ? String(flat.prefix(40)) + "..." : flat
    }
}
