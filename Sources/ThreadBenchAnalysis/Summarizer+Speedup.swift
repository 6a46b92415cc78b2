import ThreadBenchModel
import ThreadBenchStatistics

/// A cell's speedup figures for the summary: the paired estimate and the unpaired one, the
/// rounds behind them, and how tight the interval came out.
struct CellSpeedup: Equatable {
    /// The speedup the summary reports, with its 95% interval: paired above 1 thread.
    var reported: SpeedupInterval
    /// The ratio of medians over every wall of both rows, the rounds resampled independently.
    var unpaired: SpeedupInterval
    /// Rounds with both walls measured (at 1 thread, the repetitions).
    var rounds: Int
    /// The reported interval's half-width in percent of the speedup; nil at 1 thread.
    var halfWidthPct: Double?
    /// Whether the interval is a nominal 95% one within the records' precision target; nil at
    /// 1 thread or when the records carry no target.
    var precisionMet: Bool?
}

extension Summarizer {
    /// The speedup of a cell against its 1-thread row, from whatever records it is given.
    ///
    /// Above 1 thread the speedup is paired (`PairedSpeedup`): repetition r of the cell and
    /// repetition r of the 1-thread row ran in the same round, so each round gives the ratio
    /// wall(1, r) / wall(N, r), and the cell's speedup is the median of those ratios with a
    /// bootstrap interval over rounds. A file holding several runs repeats repetition numbers:
    /// the k-th record of repetition r pairs with the k-th of the baseline. Without a single
    /// pair (nothing in common) the unpaired figure stands in, with 0 rounds. At 1 thread the
    /// paired ratio is 1 by construction, so the unpaired self-ratio is reported instead: its
    /// interval shows the baseline's own spread.
    /// - Parameters:
    ///   - group: the cell's records.
    ///   - baseline: the records of the same curve at 1 thread.
    ///   - scale: 1 under strong scaling, the thread count under weak scaling.
    static func speedup(group: [BatchRecord], baseline: [BatchRecord], scale: Double) -> CellSpeedup {
        let walls = group.map(\.wallSeconds)
        let baselineWalls = baseline.map(\.wallSeconds)
        let median = Statistics.median(walls)
        let ci = Statistics.ratioOfMediansCI95(numerator: baselineWalls, denominator: walls)
        let unpaired = SpeedupInterval(
            speedup: median > 0 && !baselineWalls.isEmpty ? scale * Statistics.median(baselineWalls) / median : 0,
            ci95Low: scale * ci.low, ci95High: scale * ci.high)
        guard (group.first?.threads ?? 1) > 1 else {
            return CellSpeedup(reported: unpaired, unpaired: unpaired, rounds: group.count)
        }
        guard let paired = PairedSpeedup(baselineWallSeconds: rounds(of: baseline), wallSeconds: rounds(of: group),
                                         scale: scale) else {
            return CellSpeedup(reported: unpaired, unpaired: unpaired, rounds: 0, precisionMet: false)
        }
        let halfWidth = paired.paired.relativeHalfWidth
        let met = group.first?.precisionTarget.map { paired.intervalIsNominal95 && halfWidth <= $0 }
        return CellSpeedup(reported: paired.paired, unpaired: unpaired, rounds: paired.rounds,
                           halfWidthPct: halfWidth.isFinite ? halfWidth * 100 : nil, precisionMet: met)
    }

    /// Walls by round: repetition r's k-th occurrence (k from 0) is round k * 1,000,000 + r.
    static func rounds(of records: [BatchRecord]) -> [Int: Double] {
        var seen: [Int: Int] = [:]
        var walls: [Int: Double] = [:]
        for record in records {
            let occurrence = seen[record.repetition, default: 0]
            seen[record.repetition] = occurrence + 1
            walls[occurrence * 1_000_000 + record.repetition] = record.wallSeconds
        }
        return walls
    }
}
