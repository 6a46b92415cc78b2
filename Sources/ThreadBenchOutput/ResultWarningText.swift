import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel

extension ResultWarning {
    /// The warning in one sentence, e.g. "math under swift: unstable at 2, 4 threads (stddev up to
    /// 13% of the median over 5 repetitions)".
    public var text: String {
        switch self {
        case let .unstable(curve, threads, worst, repetitions, outliers):
            String(format: "%@: unstable at %@ threads (stddev up to %.0f%% of the median over %d repetitions)",
                   Self.name(curve), Self.list(threads), 100 * worst, repetitions)
                + (outliers > 0 ? "; \(outliers) outliers flagged in the CSV" : "")
        case let .littleWork(curve, threads, least, multiple, floor):
            String(format: "%@ at %@ threads: each thread works as little as %@, under %.0fx the spawn+join cost "
                + "of %.0f us; the speedup measures thread creation as much as the work (give it more tasks)",
                   Self.name(curve), Self.list(threads), Self.duration(micros: least), multiple, floor)
        case let .outliers(rows):
            "outlying repetitions (modified Z-score above 3.5; the CSV's outlier column) in \(rows.count) rows: "
                + rows.prefix(6).map { "\($0.key.workload)/\($0.key.runtime)/\($0.key.threads) "
                    + "(\($0.outliers) of \($0.repetitions))" }.joined(separator: ", ")
                + (rows.count > 6 ? ", ..." : "") + "; the medians resist them, the means and stddevs do not"
        case let .disturbed(keys, limit):
            "\(keys.count) cell\(keys.count == 1 ? "" : "s") measured under more than "
                + String(format: "%.0f%%", limit * 100) + " steal or outside load (the summary's notes; raw steal_s, "
                + "other_cpu_s): " + keys.prefix(6).map { "\($0.workload)/\($0.runtime)/\($0.threads)" }.joined(separator: ", ")
                + (keys.count > 6 ? ", ..." : "") + "; the machine, not only the code, moved them"
        }
    }

    /// Several warnings in one line: "3 results to read with care: unstable rows in 2 curves,
    /// outliers in 5 rows".
    public static func groupText(_ warnings: [ResultWarning]) -> String {
        var unstable = 0, little = 0, outlying = 0, disturbed = 0
        for warning in warnings {
            switch warning {
            case .unstable: unstable += 1
            case .littleWork: little += 1
            case .outliers(let rows): outlying += rows.count
            case .disturbed(let keys, _): disturbed += keys.count
            }
        }
        let limit = String(format: "%.0f%%", RunDiagnostics.unstableFraction * 100)
        let parts = [(unstable, "curves with rows of stddev over \(limit)"), (outlying, "rows with outliers"),
                     (little, "curves with little work per thread"), (disturbed, "cells under steal or outside load")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return "results to read with care: " + parts.joined(separator: ", ")
    }

    private static func name(_ curve: CurveKey) -> String { "\(curve.workload) under \(curve.runtime)" }

    private static func list(_ threads: [Int]) -> String { threads.map(String.init).joined(separator: ", ") }

    private static func duration(micros: Double) -> String {
        micros >= 1000 ? String(format: "%.1f ms", micros / 1000) : String(format: "%.0f us", micros)
    }
}

extension WorkloadFailures {
    /// "http: 4 failed tasks or timed-out threads in 2 batches; first error: ...".
    public var text: String {
        "\(workload): \(errors) failed tasks or timed-out threads in \(batches) batches; first error: \(firstError)"
    }
}
