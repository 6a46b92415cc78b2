import Foundation

/// Why a list of counts could not be read.
public struct CountListError: Error, CustomStringConvertible, Equatable {
    public let description: String
}

/// Reads thread-count lists: `1,2,4,8`, a doubling range `1...64`, or both mixed.
public enum ThreadCountParser {
    /// The largest thread count accepted; more is refused before any thread is made.
    public static let maximum = 100_000

    /// Parses `text` into ascending, distinct, positive counts.
    /// - Throws: `CountListError` saying which item is wrong.
    public static func parse(_ text: String) throws -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CountListError(description: "empty thread list; expected e.g. 1,2,4,8 or 1...64")
        }
        var counts: Set<Int> = []
        for item in items {
            if let dots = item.range(of: "...") {
                let low = try number(String(item[..<dots.lowerBound]), in: item)
                let high = try number(String(item[dots.upperBound...]), in: item)
                guard low <= high else {
                    throw CountListError(description: "range '\(item)' runs backwards; write low...high")
                }
                var value = low
                while value < high {
                    counts.insert(value)
                    value *= 2
                }
                counts.insert(high)
            } else {
                counts.insert(try number(item, in: item))
            }
        }
        return counts.sorted()
    }

    private static func number(_ text: String, in item: String) throws -> Int {
        guard !text.isEmpty else {
            throw CountListError(description: "empty item in thread list near '\(item)'; expected e.g. 1,2,4,8 or 1...64")
        }
        guard text.allSatisfy(\.isASCII), let value = Int(text) else {
            throw CountListError(description: "'\(text)' is not a whole number (in thread list item '\(item)')")
        }
        guard value > 0 else { throw CountListError(description: "thread count \(value) must be at least 1") }
        guard value <= maximum else {
            throw CountListError(description: "thread count \(value) is above the limit of \(maximum)")
        }
        return value
    }
}
