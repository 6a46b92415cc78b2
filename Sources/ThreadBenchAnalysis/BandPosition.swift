import ThreadBenchModel
import ThreadBenchStatistics

/// Where a ratio's interval lies against the threshold band [1 / (1 + t), 1 + t] around 1.
public enum BandPosition: String, Sendable, CaseIterable {
    /// Wholly above 1 + t: slower walls, or a higher speedup.
    case above
    /// Wholly below 1 / (1 + t).
    case below
    /// Wholly inside the band: no difference worth having, and the data are tight enough to say so.
    case inside
    /// Reaching across an edge of the band: the rounds cannot tell.
    case across

    /// Classifies the interval `low...high` of a ratio against the band of `threshold` (0.05 for 5%).
    public static func classify(low: Double, high: Double, threshold: Double) -> BandPosition {
        guard !low.isNaN, !high.isNaN, low <= high else { return .across }
        let top = 1 + threshold, bottom = 1 / (1 + threshold)
        if low > top { return .above }
        if high < bottom { return .below }
        if low >= bottom && high <= top { return .inside }
        return .across
    }
}
