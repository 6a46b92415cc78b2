/// Whether adding threads helped, from the speedup's 95% confidence interval.
public enum Verdict: String, Sendable, CaseIterable {
    /// The single-thread row every speedup is measured against.
    case baseline
    /// The whole interval lies above 1.05: threads made it faster.
    case helps
    /// The interval reaches within 5% of 1: no gain worth having.
    case noGain = "no-gain"
    /// The whole interval lies below 0.95: threads made it slower.
    case hurts

    /// Classifies a speedup interval; a 5% margin keeps noise from reading as a gain or loss.
    public static func classify(ciLow: Double, ciHigh: Double) -> Verdict {
        if ciLow > 1.05 { return .helps }
        if ciHigh < 0.95 { return .hurts }
        return .noGain
    }
}
