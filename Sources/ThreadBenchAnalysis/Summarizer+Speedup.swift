import Foundation
import ThreadBenchModel
import ThreadBenchStatistics

/// A cell's per-round figures for the summary: speedup, parallelism and CPU efficiency with
/// their intervals, the unpaired speedup, the rounds behind them, and the precision reached.
struct CellFigures: Equatable {
    /// The geometric mean of the per-round speedups with its t-interval (`LogInterval`).
    var speedup: LogInterval?
    /// Cores busy at N over cores busy at 1, per round; nil without the workers' CPU.
    var parallelism: LogInterval?
    /// Speedup over parallelism per round: CPU at 1 thread over CPU at N for the same work.
    var cpuEfficiency: LogInterval?
    /// The ratio of the geometric means of all 1-thread and all N-thread walls, rounds ignored.
    var unpaired: UnpairedSpeedup
    /// Measured rounds with both walls (at 1 thread, the repetitions).
    var rounds: Int
    /// The speedup interval's half-width in percent of the speedup; nil at 1 thread.
    var halfWidthPct: Double?
    /// Whether the measured rounds meet the records' precision for the pilot's spread
    /// (`CellPlan`); nil at 1 thread, without a pilot, or when the records carry no target.
    var precisionMet: Bool?
}

extension Summarizer {
    /// The figures of a cell against its 1-thread row, from its measured rounds.
    ///
    /// Repetition r of the cell and repetition r of the 1-thread row ran in the same round, so
    /// each round gives a speedup wall(1, r) / wall(N, r) and a parallelism busy(N, r) / busy(1, r)
    /// (`RoundRatios`); each figure is their geometric mean with a t-interval on the logs
    /// (`LogInterval`). Pilot rounds only say whether the precision was met (`CellPlan`), on the
    /// figure the rounds were planned on (`PlanningFigure`).
    static func figures(group: [BatchRecord], baseline: [BatchRecord], scale: Double) -> CellFigures {
        let measured = group.filter { !$0.isPilot }, measuredBaseline = baseline.filter { !$0.isPilot }
        let unpaired = unpairedSpeedup(baseline: measuredBaseline.map(\.wallSeconds), walls: measured.map(\.wallSeconds),
                                       scale: scale)
        let ratios = RoundRatios(group: group, baseline: baseline, scale: scale)
        var cell = CellFigures(speedup: LogInterval(ratios.speedups), parallelism: LogInterval(ratios.parallelism),
                               cpuEfficiency: LogInterval(ratios.cpuEfficiency), unpaired: unpaired,
                               rounds: ratios.speedups.count)
        guard let first = group.first, first.threads > 1 else { return cell }
        let half = cell.speedup?.relativeHalfWidth ?? .infinity
        cell.halfWidthPct = half.isFinite ? half * 100 : nil
        let pilot = RoundRatios(group: group, baseline: baseline, scale: scale, pilot: true)
        if let target = first.precisionTarget, !pilot.planning.isEmpty {
            let plan = CellPlan(pilotFigures: pilot.planning, precision: target, minimumRounds: 2, maximumRounds: 2)
            cell.precisionMet = plan.meetsTarget(measuredRounds: ratios.planning.count, precision: target)
        }
        return cell
    }

    /// exp(mean ln baseline - mean ln walls) with Welch's t-interval on the two samples' logs
    /// (`WelchLogRatio`); the point alone when a side has fewer than 2 walls.
    static func unpairedSpeedup(baseline: [Double], walls: [Double], scale: Double) -> UnpairedSpeedup {
        guard let welch = WelchLogRatio(baseline: walls, other: baseline) else {
            let a = baseline.filter { $0 > 0 && $0.isFinite }, b = walls.filter { $0 > 0 && $0.isFinite }
            guard !a.isEmpty, !b.isEmpty else { return UnpairedSpeedup(speedup: 0, ci95Low: 0, ci95High: 0) }
            let point = scale * exp(Statistics.mean(a.map { Foundation.log($0) }) - Statistics.mean(b.map { Foundation.log($0) }))
            return UnpairedSpeedup(speedup: point, ci95Low: point, ci95High: point)
        }
        let interval = welch.logInterval(level: LogInterval.level)
        return UnpairedSpeedup(speedup: scale * exp(welch.logEstimate), ci95Low: scale * exp(interval.low),
                               ci95High: scale * exp(interval.high))
    }
}
