/// What a comparison that gates a CI job concluded, as the exit status `compare` gives.
///
/// The statuses follow package-benchmark's `baseline check`: 0 no change worth failing on,
/// 2 a regression, 4 improvements only (so a job can refresh its baseline).
public enum ComparisonOutcome: Int32, Sendable {
    case noChange = 0
    case regression = 2
    case improvementsOnly = 4
}

extension ComparisonReport {
    /// Rows judged faster whose estimated ratio is more than `percent` below 1.
    public func improvements(beyondPercent percent: Double) -> [ComparisonRow] {
        rows.filter { $0.verdict == .faster && -$0.changePercent > percent }
    }

    /// A regression when a row is slower by more than `percent`, else improvements only when a
    /// row is faster by more than `percent`, else no change.
    public func outcome(beyondPercent percent: Double) -> ComparisonOutcome {
        if !regressions(beyondPercent: percent).isEmpty { return .regression }
        return improvements(beyondPercent: percent).isEmpty ? .noChange : .improvementsOnly
    }
}
