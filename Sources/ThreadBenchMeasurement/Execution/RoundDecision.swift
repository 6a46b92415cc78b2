/// What `RoundSchedule.nextRound` tells the runner for a curve.
public enum RoundDecision: Sendable, Equatable {
    /// Run another round of the curve now.
    case run
    /// The curve is finished, and why; asked again, the schedule says the same.
    case stop(RoundStopReason)
}

/// Why a curve ran no more rounds.
public enum RoundStopReason: String, Sendable, Equatable {
    /// Fixed rounds: the count asked for was run.
    case fixedCount
    /// Every cell of the curve ran the measured rounds its pilot planned (at least the minimum).
    case planReached
    /// The next round did not fit in the curve's share of the budget (past the minimum), or
    /// in what the budget left for the minimum (see `BudgetFit`).
    case budgetSpent
    /// The curve ran `RoundRules.maximumRounds`.
    case maximumRounds
    /// The curve's figure is not its speedup (a mixed workload): it ran the minimum rounds
    /// and gets no adaptive ones (`RoundSchedule.minimumOnly`).
    case notASpeedup
}
