import Foundation

/// The file names of one run's results: `<label>-<UTC stamp>.csv` and its siblings.
public struct ResultPaths: Sendable {
    /// The raw CSV, one row per batch.
    public let raw: String
    /// The summary CSV.
    public let summary: String
    /// The scaling-model CSV (Amdahl and USL fits).
    public let model: String
    /// The speedup chart, SVG.
    public let chart: String

    /// Picks names in `folder` that no earlier run used.
    /// - Parameters:
    ///   - folder: the output folder.
    ///   - label: the run's label; characters other than letters, digits, `.`, `_`, `-` become `_`.
    ///   - date: the run's start.
    public init(folder: String, label: String, date: Date) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let safe = ResultPaths.fileSafe(label)
        let stem = "\(folder)/\(safe)-\(formatter.string(from: date))"
        var candidate = stem
        var suffix = 2
        while FileManager.default.fileExists(atPath: candidate + ".csv")
            || FileManager.default.fileExists(atPath: candidate + "-summary.csv") {
            candidate = "\(stem)-\(suffix)"
            suffix += 1
        }
        raw = candidate + ".csv"
        summary = candidate + "-summary.csv"
        model = candidate + "-model.csv"
        chart = candidate + "-chart.svg"
    }

    /// A label reduced to characters that are safe in a file name on every system.
    public static func fileSafe(_ label: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let mapped = String(label.prefix(64).map { allowed.contains($0) ? $0 : "_" })
        let trimmed = mapped.drop { $0 == "." || $0 == "-" }
        return trimmed.isEmpty ? "run" : String(trimmed)
    }
}
