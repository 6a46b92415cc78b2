import Foundation
import ThreadBenchModel

/// One column of a ThreadBench CSV, declared once: its name, how its cell is written from a
/// `Source`, and, for the columns the reader reads back, how the cell is read into a `Target`.
///
/// The writer (`CSVReporter`) and the reader (`CSVRunReader`) both walk the tables of
/// `CSVSchema`, so a column's name, its place and its two directions cannot drift apart.
package struct CSVColumn<Source, Target>: Sendable {
    /// The header cell; units in the name (`_s`, `_ms`, `_us`, `_bytes`).
    package let name: String
    /// The cell of `Source`.
    package let write: @Sendable (Source) -> String
    /// Reads the cell into `Target`; nil for a column read with another one, or not read back.
    let read: (@Sendable (CSVCell, inout Target) throws -> Void)?

    /// Declares a column.
    init(_ name: String, write: @escaping @Sendable (Source) -> String,
         read: (@Sendable (CSVCell, inout Target) throws -> Void)? = nil) {
        self.name = name
        self.write = write
        self.read = read
    }

    /// A column of a number written by `CSVText.number` and read back as a possibly empty one.
    static func number(_ name: String, _ path: WritableKeyPath<Target, Double> & Sendable,
                       write: @escaping @Sendable (Source) -> Double) -> Self {
        Self(name, write: { CSVText.number(write($0)) }, read: { cell, target in
            target[keyPath: path] = try cell.double(optional: true)
        })
    }

    /// A column of a count written in full and read back as a possibly empty whole number.
    static func count(_ name: String, _ path: WritableKeyPath<Target, Int> & Sendable,
                      write: @escaping @Sendable (Source) -> Int) -> Self {
        Self(name, write: { String(write($0)) }, read: { cell, target in
            target[keyPath: path] = try cell.int(optional: true)
        })
    }
}

extension Array {
    /// The header cells of a table of columns.
    package func names<Source, Target>() -> [String] where Element == CSVColumn<Source, Target> {
        map(\.name)
    }

    /// The cells of `source`, one per column, in order.
    package func cells<Source, Target>(_ source: Source) -> [String] where Element == CSVColumn<Source, Target> {
        map { $0.write(source) }
    }

    /// Reads every column that reads into `target`, in order.
    func read<Source, Target>(_ row: CSVRunReader.Row, into target: inout Target) throws
    where Element == CSVColumn<Source, Target> {
        for column in self { try column.read?(CSVCell(row: row, column: column.name), &target) }
    }
}

/// One cell of a data row, read under its column's name.
struct CSVCell {
    /// The row, for a column read together with another one.
    let row: CSVRunReader.Row
    /// The cell's column.
    let column: String

    /// The cell as it stands.
    var text: String { row[column] }

    /// Whether the cell holds nothing but spaces.
    var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }

    /// A number; an empty cell reads as 0 when `optional`.
    func double(optional: Bool = false) throws -> Double { try row.double(column, optional: optional) }

    /// A whole number; an empty cell reads as 0 when `optional`.
    func int(optional: Bool = false) throws -> Int { try row.int(column, optional: optional) }

    /// The error for a value outside the column's allowed ones.
    func bad(expected: String) -> CSVReadError { row.bad(column, expected: expected) }
}
