import Foundation
import ThreadBenchModel
import ThreadBenchMeasurement
import ThreadBenchAnalysis
import ThreadBenchStorage

/// The words and cells for `compare`'s threading rows: speedup and parallelism in two runs.
enum ComparisonThreadingText {
    /// The outcome word of a threading row: "higher", "lower", "same" or "can't tell".
    static func outcome(_ row: ThreadingRow) -> String {
        switch row.position {
        case .above: "higher"
        case .below: "lower"
        case .inside: "same"
        case .across, nil: "can't tell"
        }
    }

    /// One sentence for a row whose interval decides, e.g. "math under swift: threads help more
    /// on machine-b: 1.93x against 1.71x at 2 threads"; nil for "can't tell".
    static func sentence(_ row: ThreadingRow, otherLabel: String, baselineLabel: String) -> String? {
        guard let a = row.baseline?.estimate, let b = row.other?.estimate, let position = row.position else {
            return nil
        }
        let subject = "\(row.curve.workload) under \(row.curve.runtime)"
        let figures = "\(format(b, row.figure)) against \(format(a, row.figure)) at \(row.threads) threads"
        let claim: String
        switch (row.figure, position) {
        case (.speedup, .above): claim = "threads help more on \(otherLabel)"
        case (.speedup, .below): claim = "threads help less on \(otherLabel)"
        case (.speedup, .inside): claim = "threads help the same on \(otherLabel) and \(baselineLabel)"
        case (.parallelism, .above): claim = "threads keep more cores busy on \(otherLabel)"
        case (.parallelism, .below): claim = "threads keep fewer cores busy on \(otherLabel)"
        case (.parallelism, .inside): claim = "threads keep as many cores busy on \(otherLabel) as on \(baselineLabel)"
        case (_, .across): return nil
        }
        return "\(subject): \(claim): \(figures)"
    }

    /// The table cells of a row.
    static func cells(_ row: ThreadingRow) -> [String] {
        let interval = row.judgement.map { String(format: "%.3f-%.3f", $0.low, $0.high) } ?? "-"
        return [row.curve.workload, row.curve.runtime.rawValue, row.curve.scaling.rawValue, String(row.threads),
                row.figure.rawValue, "\(row.baselineValues.count)/\(row.otherValues.count)",
                row.baseline.map { format($0.estimate, row.figure) } ?? "-",
                row.other.map { format($0.estimate, row.figure) } ?? "-",
                row.judgement.map { String(format: "%.3f", $0.ratio) } ?? "-", interval, outcome(row)]
    }

    /// A note for each run whose file cannot give parallelism (no thread CPU times recorded).
    static func missingParallelism(_ rows: [ThreadingRow], runs: [RecordedRun], other: Int) -> [String] {
        let parallelism = rows.filter { $0.figure == .parallelism }
        guard !parallelism.isEmpty else { return [] }
        var notes: [String] = []
        if parallelism.allSatisfy({ $0.baselineValues.isEmpty }) { notes.append(runs[0].label) }
        if parallelism.allSatisfy({ $0.otherValues.isEmpty }) { notes.append(runs[other].label) }
        return notes.map {
            "parallelism is empty: \($0) records no thread CPU time (thread_cpu_s), as files before it was recorded"
        }
    }

    private static func format(_ value: Double, _ figure: ThreadingFigure) -> String {
        figure == .speedup ? String(format: "%.2fx", value) : String(format: "%.2f", value)
    }
}
