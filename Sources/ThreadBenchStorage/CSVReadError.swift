/// Why a file could not be read back as a ThreadBench raw CSV; every case is one line that
/// names the file, and the line where it applies.
public enum CSVReadError: Error, Equatable, CustomStringConvertible {
    /// No file at the path.
    case missingFile(path: String)
    /// The file exists but cannot be read (a folder, no permission).
    case unreadable(path: String, reason: String)
    /// Zero bytes, or only blank lines.
    case empty(path: String)
    /// No comma-separated header, or quoting that does not parse.
    case notCSV(path: String)
    /// Not UTF-8 text: NUL bytes or invalid byte sequences.
    case notText(path: String, reason: String)
    /// A CSV without ThreadBench's identifying columns.
    case foreignCSV(path: String)
    /// ThreadBench's summary or model file where the raw file is needed.
    case notRawFile(path: String, which: String)
    /// A ThreadBench CSV lacking some columns this version needs.
    case missingColumns(path: String, columns: [String])
    /// A schema version this ThreadBench does not read.
    case schemaVersion(path: String, line: Int, found: String)
    /// A header and no data rows.
    case noRows(path: String)
    /// A row with more or fewer cells than the header.
    case cellCount(path: String, line: Int, found: Int, expected: Int)
    /// A cell that should hold a number and does not.
    case notNumber(path: String, line: Int, column: String, value: String)
    /// A cell outside its column's allowed values.
    case badValue(path: String, line: Int, column: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): no such file"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .empty(let path):
            return "\(path): empty file, expected a ThreadBench CSV"
        case .notCSV(let path):
            return "\(path): not a CSV file (no comma-separated header row of text)"
        case .notText(let path, let reason):
            return "\(path): not a CSV file: \(reason) (ThreadBench writes UTF-8 text)"
        case .foreignCSV(let path):
            return "\(path): not a ThreadBench CSV (no schema_version and workload columns; another tool's file?)"
        case .notRawFile(let path, let which):
            return "\(path): this is a ThreadBench \(which) file; give the raw file (the run's .csv without "
                + "-\(which) in its name)"
        case .missingColumns(let path, let columns):
            let shown = columns.prefix(5).joined(separator: ", ") + (columns.count > 5 ? ", ..." : "")
            return "\(path): missing \(columns.count) column\(columns.count == 1 ? "" : "s"): \(shown)"
        case .schemaVersion(let path, let line, let found):
            return "\(path):\(line): schema_version '\(found)', this threadbench reads versions "
                + CSVSchema.readableVersions.dropLast().map(String.init).joined(separator: ", ")
                + " and \(CSVSchema.readableVersions.last ?? CSVSchema.version)"
        case .noRows(let path):
            return "\(path): a header but no data rows"
        case .cellCount(let path, let line, let found, let expected):
            return "\(path):\(line): \(found) cells where the header has \(expected)"
        case .notNumber(let path, let line, let column, let value):
            return "\(path):\(line): column \(column): '\(CSVReadError.clip(value))' is not a number"
        case .badValue(let path, let line, let column, let value, let expected):
            return "\(path):\(line): column \(column): '\(CSVReadError.clip(value))' is not \(expected)"
        }
    }

    /// A cell shortened for a one-line message, with line breaks shown as spaces.
    private static func clip(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return flat.count > 40 ? String(flat.prefix(40)) + "..." : flat
    }
}
