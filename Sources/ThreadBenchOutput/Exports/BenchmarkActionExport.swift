import Foundation
import ThreadBenchModel
import ThreadBenchStorage

/// The files github-action-benchmark reads: its `customBiggerIsBetter` and
/// `customSmallerIsBetter` formats, a JSON array of `{name, unit, value, range, extra}`.
///
/// One tool type a file, so a run gives two: speedups and parallelism (bigger is better) and
/// wall medians (smaller is better), one entry per workload x runtime x thread count, with the
/// 95% interval in `range` ("± x", the larger distance from the value to an end: the action
/// shows `range` as text) and the interval's ends, rounds and verdict in `extra`.
public enum BenchmarkActionExport {
    /// One entry of the action's custom formats.
    public struct Entry: Encodable, Equatable, Sendable {
        public var name: String
        public var unit: String
        public var value: Double
        public var range: String
        public var extra: String
    }

    /// Speedup and parallelism entries (`customBiggerIsBetter`); the 1-thread rows are left out.
    public static func biggerIsBetter(_ rows: [SummaryRow]) -> [Entry] {
        rows.filter { $0.threads > 1 && $0.verdict != .failed && $0.speedup > 0 }.flatMap { row -> [Entry] in
            var entries = [entry(row, CSVSchema.speedup.name, unit: "x", row.speedup, row.speedupCI95Low, row.speedupCI95High)]
            if let p = row.parallelism {
                entries.append(entry(row, CSVSchema.parallelism.name, unit: "cores busy / 1", p.estimate, p.low, p.high))
            }
            return entries
        }
    }

    /// Wall-median entries in milliseconds (`customSmallerIsBetter`), every thread count.
    public static func smallerIsBetter(_ rows: [SummaryRow]) -> [Entry] {
        rows.filter { $0.verdict != .failed && $0.wallMedianSeconds > 0 }.map { row in
            entry(row, "wall median", unit: "ms", row.wallMedianSeconds * 1000, row.wallCI95LowSeconds * 1000,
                  row.wallCI95HighSeconds * 1000)
        }
    }

    /// The JSON text of `entries`, keys sorted.
    public static func json(_ entries: [Entry]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(entries) + Data("\n".utf8)
    }

    /// `x.json` -> `x-wall.json`: where the smaller-is-better file goes beside the other.
    public static func smallerIsBetterPath(beside path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + "-wall.json"
    }

    private static func entry(_ row: SummaryRow, _ figure: String, unit: String, _ value: Double, _ low: Double,
                              _ high: Double) -> Entry {
        let spread = max(abs(value - low), abs(high - value))
        return Entry(name: "\(row.workload) \(row.runtime) \(row.threads) threads \(figure)", unit: unit,
                     value: rounded(value), range: "± " + String(format: "%.4g", spread),
                     extra: String(format: "95%% CI %.4g-%.4g; %d rounds; %@", low, high, row.rounds,
                                   row.verdict.rawValue))
    }

    /// Six significant digits: what the action's charts show.
    static func rounded(_ value: Double) -> Double { Double(String(format: "%.6g", value)) ?? value }
}
