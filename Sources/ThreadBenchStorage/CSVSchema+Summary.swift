import ThreadBenchModel

/// What a summary file's row is written from: the row, and its notes as Output words them
/// (`SummaryNote.text`).
package typealias SummaryCells = (row: SummaryRow, notes: [String])

extension CSVSchema {
    /// A summary-file figure: written from a summary row, never read back.
    package typealias SummaryColumn = CSVColumn<SummaryCells, Never>

    /// The summary's median wall time: only summary files have it, so the reader knows one by it.
    package static let wallMedian = figure("wall_median_s") { $0.wallMedianSeconds }

    /// The speedup and the parallelism, the rounds behind them and the efficiency: named by the
    /// terminal's tables and the CI exports as well.
    package static let speedup = figure("speedup") { $0.speedup }
    package static let parallelism = figure("parallelism") { $0.parallelism?.estimate }
    package static let rounds = count("rounds") { $0.rounds }
    package static let efficiency = figure("efficiency") { $0.efficiency }

    /// The row's verdict (`Verdict`); `compare`'s CSV names its own verdicts the same.
    package static let verdict = SummaryColumn("verdict", write: { $0.row.verdict.rawValue })

    /// The summary file's own figures, after the key; a row whose every batch failed has empty figures.
    package static let summaryFigures: [SummaryColumn] = [
        count("repetitions") { $0.repetitions },
        count("outliers") { $0.outliers },
        wallMedian,
        figure("wall_min_s") { $0.wallMinSeconds },
        figure("wall_max_s") { $0.wallMaxSeconds },
        figure("wall_stddev_s") { $0.wallStddevSeconds },
        figure("wall_ci95_low_s") { $0.wallCI95LowSeconds },
        figure("wall_ci95_high_s") { $0.wallCI95HighSeconds },
        speedup,
        figure("speedup_ci95_low") { $0.speedupCI95Low },
        figure("speedup_ci95_high") { $0.speedupCI95High },
        figure("speedup_unpaired") { $0.speedupUnpaired },
        figure("speedup_unpaired_ci95_low") { $0.speedupUnpairedCI95Low },
        figure("speedup_unpaired_ci95_high") { $0.speedupUnpairedCI95High },
        rounds,
        figure("speedup_half_width_pct") { $0.speedupHalfWidthPct },
        SummaryColumn("precision_met", write: { $0.row.precisionMet.map { $0 ? "true" : "false" } ?? "" }),
        parallelism,
        figure("parallelism_ci95_low") { $0.parallelism?.low },
        figure("parallelism_ci95_high") { $0.parallelism?.high },
        figure("cpu_efficiency") { $0.cpuEfficiency?.estimate },
        figure("cpu_efficiency_ci95_low") { $0.cpuEfficiency?.low },
        figure("cpu_efficiency_ci95_high") { $0.cpuEfficiency?.high },
        figure(coresBusy.name) { $0.coresBusy },
        count("pilot_rounds") { $0.pilotRounds },
        efficiency,
        figure("karp_flatt") { $0.karpFlatt },
        figure("ideal_speedup") { $0.idealSpeedup },
        verdict,
        figure("gil_wait_median_s") { $0.gilWaitMedianSeconds },
        figure("task_p50_median_ms") { $0.taskP50MedianMillis },
        count(errors) { $0.errors },
        count(timedOut) { $0.timedOut },
        count("failed_batches") { $0.failedBatches },
        SummaryColumn("notes", write: { CSVText.neutralized($0.notes.joined(separator: "; ")) }),
    ]

    /// A count of the row, written in full even when every batch of the row failed.
    private static func count(_ name: String, _ value: @escaping @Sendable (SummaryRow) -> Int) -> SummaryColumn {
        SummaryColumn(name, write: { String(value($0.row)) })
    }

    /// A figure of the row, empty when it has none or when every batch of the row failed.
    private static func figure(_ name: String, _ value: @escaping @Sendable (SummaryRow) -> Double?) -> SummaryColumn {
        SummaryColumn(name, write: { cells in
            guard cells.row.verdict != .failed, let value = value(cells.row) else { return "" }
            return CSVText.number(value)
        })
    }
}
