import Foundation
import Testing
import ThreadBenchStorage

/// Each CSV column is declared once: its name is spelled in one Swift file under Sources/, the
/// table that also holds its writer and its reader.
@Suite struct CSVColumnTableTests {
    /// Files that spell a column's name for something else; none now: the driver's JSON keys
    /// come from its `CodingKeys`, its worker mode, the fuzz target's and an exported finding's
    /// kinds and the findings' subject ("threads") from enum cases. Every other file that names
    /// a figure a column names takes the name from `CSVSchema` (or, for a name Measurement
    /// shares, from `SharedFigureNames`).
    static let otherUses: Set<String> = []

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
