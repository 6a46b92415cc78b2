import ThreadBenchModel

/// Whether the minimum rounds of the curves still open fit in what is left of the budget.
///
/// When they do not, rounds give, not thread counts: every open curve is levelled to
/// `roundsPerCurve` rounds (at least 1, so every cell has a figure), and rounds
/// `roundsPerCurve + 1 ... minimumRounds` of each are the ones that do not fit; such cells'
/// intervals are not 95% ones.
public struct BudgetFit: Sendable, Equatable {
    /// The estimated seconds for every open curve to reach the minimum (the fixed count under
    /// fixed rules), warm-up of curves not started included.
    public var minimumSeconds: Seconds
    /// The budget less the time spent; infinity for no budget.
    public var remainingSeconds: Seconds
    /// The rounds per curve that fit, at most the minimum; the fixed count under fixed rules.
    public var roundsPerCurve: Int
    /// Whether the minimum (or fixed count) fits.
    public var fits: Bool { minimumSeconds <= remainingSeconds }
}
