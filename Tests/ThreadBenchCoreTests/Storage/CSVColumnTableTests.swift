import Foundation
import Testing
import ThreadBenchStorage

/// Each CSV column is declared once: its name is spelled in one Swift file under Sources/, the
/// table that also holds its writer and its reader.
@Suite struct CSVColumnTableTests {
    /// Files that spell a column's name for something else: the CPython driver's JSON keys, the
    /// headings of terminal tables, "threads" as a word (the findings' subject, the driver's
    /// worker mode, the fuzz target's name), the reader's word for a summary file, a doc example,
    /// the measure names of the CI formats (Bencher's `speedup`, github-action-benchmark's names), a JSON finding's
    /// kind, the doctor's JSON figures (its checks' `values`).
    static let otherUses: Set<String> = [
        "DriverReport.swift", "TableReporter.swift", "ComparisonTableReporter.swift", "PythonWorkers.swift",
        "FindingText.swift", "FuzzTarget.swift", "CSVRunReader.swift", "SettingError.swift",
        "BencherExport.swift", "BenchmarkActionExport.swift", "ComparisonMatrixReporter.swift", "ExportFinding.swift", "CompactView.swift",
        "CPULimitCheck.swift", "ActivityCheck.swift",
    ]

    static let sources = SourceTree.root.appendingPathComponent("Sources")

    @Test func everyColumnNameIsSpelledInOneFile() throws {
        var texts: [String: String] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        for case let path as String in walker where path.hasSuffix(".swift") {
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard !Self.otherUses.contains(name) else { continue }
            texts[path] = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
        }
        let columns = Set(CSVSchema.rawColumns + CSVSchema.summaryColumns + CSVSchema.modelColumns)
        for column in columns {
            let files = texts.filter { $0.value.contains("\"\(column)\"") }.keys.sorted()
            #expect(files.count == 1, "\(column) is spelled in \(files)")
        }
    }

    @Test func noFileRepeatsAColumn() {
        for columns in [CSVSchema.rawColumns, CSVSchema.summaryColumns, CSVSchema.modelColumns] {
            #expect(Set(columns).count == columns.count)
        }
    }
}
