/// Whether adding threads helped, from the speedup's interval.
///
/// Four verdicts for a measured speedup, with a 5% margin around 1x so that noise does not
/// read as a gain or a loss: `helps` (the whole interval above 1.05), `hurts` (below 0.95),
/// `no-gain` (the whole interval within 0.95...1.05: no effect worth having, and the
/// measurement is tight enough to say so) and `inconclusive` (the interval reaches across a
/// bound: the repetitions cannot tell). Three more say why a row has none of those.
public enum Verdict: String, Sendable, CaseIterable {
    /// The single-thread row every speedup is measured against.
    case baseline
    /// The whole interval lies above 1.05: threads made it faster.
    case helps
    /// The whole interval lies within 0.95...1.05: threads made no difference worth having.
    case noGain = "no-gain"
    /// The whole interval lies below 0.95: threads made it slower.
    case hurts
    /// The interval reaches across 0.95 or 1.05, or there is no 1-thread row to measure against.
    case inconclusive
    /// Computation whose parallelism interval lies at or below `serialAtMost`: the threads ran
    /// one at a time (a GIL, or one usable CPU), so they cannot speed it up.
    case serialized
    /// Every batch of the row failed or timed out: it has no figures.
    case failed
    /// A mixed workload: its figure is the latency a computing thread adds, not a speedup.
    case notApplicable = "n/a"

    /// Speedups above this help.
    public static let helpsAbove = 1.05
    /// Speedups below this hurt.
    public static let hurtsBelow = 0.95

    /// Parallelism at or below this (the whole interval) means the threads ran one at a time.
    public static let serialAtMost = 1.05

    /// Classifies a speedup interval by the rule on the type.
    public static func classify(ciLow: Double, ciHigh: Double) -> Verdict {
        guard ciLow.isFinite, ciHigh.isFinite, ciLow <= ciHigh else { return .inconclusive }
        if ciLow > helpsAbove { return .helps }
        if ciHigh < hurtsBelow { return .hurts }
        if ciLow >= hurtsBelow && ciHigh <= helpsAbove { return .noGain }
        return .inconclusive
    }

    /// Whether the verdict judges a measured speedup (helps, no-gain, hurts, inconclusive).
    public var judgesASpeedup: Bool {
        switch self {
        case .helps, .noGain, .hurts, .inconclusive, .serialized: true
        case .baseline, .failed, .notApplicable: false
        }
    }
}
