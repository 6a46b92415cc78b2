import ThreadBenchStatistics

/// How many rounds each curve runs: a fixed count, or adaptively until a target precision.
///
/// A round of a curve is one batch at each of its thread counts, 1 included (see
/// `RoundSchedule`). Adaptive rules spend time where intervals are wide: every curve runs
/// `minimumRounds`, and only curves with a cell still wider than `precision` get more. A fixed
/// count (explicit `--repetitions`) means exactly that many rounds, whatever the precision or
/// the budget, so that a run asked for by count is repeatable by count.
public struct RoundRules: Sendable, Equatable {
    /// Measured rounds by default: enough for a t-interval that the simulation tests show
    /// keeps its coverage, and for `compare` to have power at 5 rounds against 5.
    public static let defaultMinimumRounds = 5
    /// Pilot rounds by default: 3, the fewest that give a spread with 2 degrees of freedom.
    public static let defaultPilotRounds = 3

    /// Measured rounds every curve runs, after its pilot.
    public var minimumRounds: Int
    /// Pilot rounds each curve runs first under adaptive rules: they plan each cell's measured
    /// rounds (`CellPlan`) and measure nothing; 0 under fixed rules.
    public var pilotRounds: Int
    /// The target relative half-width of every cell's speedup interval: 0.03 is ±3%.
    public var precision: Double
    /// The most rounds a curve runs, so a cell that never tightens cannot run forever
    /// when the budget is unlimited.
    public var maximumRounds: Int

    /// When set, every curve runs exactly this many rounds; precision and budget are ignored.
    public var fixedRounds: Int?
    /// Warm-up rounds each curve runs before its measured ones; counted in the estimated
    /// cost of curves not started yet.
    public var warmupRounds: Int

    /// Adaptive rules; values out of range are brought into it (at least 1 round, a maximum
    /// not below the minimum, a positive precision).
    public static func adaptive(minimumRounds: Int = defaultMinimumRounds, precision: Double = 0.03,
                                maximumRounds: Int = 100, warmupRounds: Int = 0,
                                pilotRounds: Int = defaultPilotRounds) -> RoundRules {
        let minimum = max(1, minimumRounds)
        return RoundRules(minimumRounds: minimum, pilotRounds: max(0, pilotRounds),
                          precision: precision > 0 && precision.isFinite ? precision : 0.03,
                          maximumRounds: max(minimum, maximumRounds), fixedRounds: nil,
                          warmupRounds: max(0, warmupRounds))
    }

    /// Exactly `rounds` rounds per curve (at least 1); `precision` is still used to say
    /// whether each cell met it.
    public static func fixed(_ rounds: Int, precision: Double = 0.03, warmupRounds: Int = 0) -> RoundRules {
        var rules = adaptive(minimumRounds: rounds, precision: precision, maximumRounds: rounds,
                             warmupRounds: warmupRounds)
        rules.fixedRounds = rules.minimumRounds
        rules.pilotRounds = 0
        return rules
    }
}
