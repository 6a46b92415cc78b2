import Foundation
import ThreadBenchModel
import ThreadBenchStorage

/// Bencher Metric Format (BMF): `{benchmark: {measure: {value, lower_value, upper_value}}}`.
///
/// A benchmark is a workload x runtime x thread count; its measures are `speedup` and
/// `parallelism` (cells above 1 thread) and `latency`, the wall median in nanoseconds (Bencher's
/// built-in measure for time), each with its 95% interval as the lower and upper values.
public enum BencherExport {
    /// One measure of one benchmark.
    public struct Metric: Encodable, Equatable, Sendable {
        public var value: Double
        public var lowerValue: Double
        public var upperValue: Double

        enum CodingKeys: String, CodingKey {
            case value
            case lowerValue = "lower_value"
            case upperValue = "upper_value"
        }
    }

    /// The BMF document of a run's summary.
    public static func metrics(_ rows: [SummaryRow]) -> [String: [String: Metric]] {
        var result: [String: [String: Metric]] = [:]
        for row in rows where row.verdict != .failed && row.wallMedianSeconds > 0 {
            var measures: [String: Metric] = [
                "latency": Metric(value: row.wallMedianSeconds * 1e9, lowerValue: row.wallCI95LowSeconds * 1e9,
                                  upperValue: row.wallCI95HighSeconds * 1e9),
            ]
            if row.threads > 1, row.speedup > 0 {
                measures[CSVSchema.speedup.name] = Metric(value: row.speedup, lowerValue: row.speedupCI95Low,
                                             upperValue: row.speedupCI95High)
                if let p = row.parallelism {
                    measures[CSVSchema.parallelism.name] = Metric(value: p.estimate, lowerValue: p.low, upperValue: p.high)
                }
            }
            result["\(row.workload)/\(row.runtime)/\(row.threads)-threads", default: [:]].merge(measures) { $1 }
        }
        return result
    }

    /// The JSON text, keys sorted.
    public static func json(_ rows: [SummaryRow]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(metrics(rows)) + Data("\n".utf8)
    }
}
