import ThreadBenchModel
import ThreadBenchStatistics

/// How the intervals of one comparison's rows are widened for there being many rows.
public enum IntervalCorrection: String, Sendable, CaseIterable {
    /// False-coverage-rate intervals (Benjamini-Yekutieli): every row at level 1 - max(R, 1) q / m,
    /// R the rows whose interval can decide (`FalseCoverageRate`); the default.
    case fcr
    /// Familywise: every row at level 1 - q / m, the Bonferroni level of Holm's first step, so the
    /// chance that any interval misses is at most q.
    case holm
    /// No adjustment: every row at level 1 - q on its own.
    case none

    /// The level of every row's interval, from the rows' decisiveness p-values (NaN: no test).
    public func level(decisivenessP: [Double], q: Double) -> Double {
        let m = decisivenessP.filter { !$0.isNaN }.count
        switch self {
        case .fcr:
            let selected = FalseCoverageRate.selectedCount(decisivenessP, q: q)
            return FalseCoverageRate.level(selected: max(selected, 1), of: m, q: q)
        case .holm: return m > 0 ? 1 - q / Double(m) : 1 - q
        case .none: return 1 - q
        }
    }
}
