import ThreadBenchModel
import ThreadBenchStatistics

/// A cell's per-round figures against its 1-thread partner of the same round.
///
/// Round r gives speedup(r) = wall(1, r) / wall(N, r) (times N under weak scaling) and
/// parallelism(r) = coresBusy(N, r) / coresBusy(1, r). Under strong scaling their quotient,
/// speedup / parallelism = cpu(1, r) / cpu(N, r), is the CPU efficiency: how much more CPU the
/// same work took at N threads. Pilot rounds (`BatchRecord.isPilot`) are left out. A file
/// holding several runs repeats repetition numbers: the k-th record of repetition r pairs
/// with the k-th of the baseline.
public struct RoundRatios: Sendable, Equatable {
    /// One figure per round with both walls positive.
    public var speedups: [Double]
    /// One figure per round with both cores-busy figures known.
    public var parallelism: [Double]
    /// One figure per round with both CPU times known: speedup over parallelism.
    public var cpuEfficiency: [Double]
    /// One figure per round with both walls positive: what the cell's rounds are planned on
    /// (`PlanningFigure`), parallelism for computation where known, else the speedup.
    public var planning: [Double]

    /// Pairs `group` (one cell) with `baseline` (the same curve at 1 thread) round by round.
    /// - Parameter pilot: true to pair the pilot rounds only (for the plan), instead of the measured ones.
    public init(group: [BatchRecord], baseline: [BatchRecord], scale: Double = 1, pilot: Bool = false) {
        let cells = Self.byRound(group, pilot: pilot), partners = Self.byRound(baseline, pilot: pilot)
        speedups = []; parallelism = []; cpuEfficiency = []; planning = []
        for round in cells.keys.sorted() {
            guard let cell = cells[round], let partner = partners[round] else { continue }
            guard cell.wallSeconds > 0, partner.wallSeconds > 0, cell.wallSeconds.isFinite,
                  partner.wallSeconds.isFinite else { continue }
            let speedup = scale * partner.wallSeconds / cell.wallSeconds
            speedups.append(speedup)
            let roundParallelism = cell.coresBusy.flatMap { busy in partner.coresBusy.map { busy / $0 } }
            if let roundParallelism {
                parallelism.append(roundParallelism)
                cpuEfficiency.append(speedup / roundParallelism)
            }
            let byParallelism = PlanningFigure.usesParallelism(cell.kind)
            planning.append(PlanningFigure.value(byParallelism: byParallelism, speedup: speedup,
                                                 parallelism: roundParallelism) ?? speedup)
        }
    }

    /// Measured (or pilot) records by round: repetition r's k-th occurrence (k from 0) is k * 1,000,000 + r.
    static func byRound(_ records: [BatchRecord], pilot: Bool) -> [Int: BatchRecord] {
        var seen: [Int: Int] = [:]
        var rounds: [Int: BatchRecord] = [:]
        for record in records where record.isPilot == pilot {
            let occurrence = seen[record.repetition, default: 0]
            seen[record.repetition] = occurrence + 1
            rounds[occurrence * 1_000_000 + record.repetition] = record
        }
        return rounds
    }
}
