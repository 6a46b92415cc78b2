/// The figure a cell's rounds are planned on and its precision is judged by: the one rule that
/// the round schedule (while it runs) and the summary (when it reads the rounds back) both apply.
///
/// Computation's verdict rests on parallelism (cores busy at N over cores busy at 1), so its
/// cells are planned on it, round by round, wherever both batches of the round know their cores
/// busy; every other cell, and a round without the workers' CPU, is planned on the speedup.
public enum PlanningFigure {
    /// Whether cells of `kind` are planned on parallelism: computation's are.
    public static func usesParallelism(_ kind: WorkloadKind) -> Bool { kind == .cpu }

    /// One round's planning figure from its two candidates.
    /// - Parameters:
    ///   - byParallelism: whether the cell is planned on parallelism (`usesParallelism`).
    ///   - speedup: the round's speedup, nil when a wall is missing.
    ///   - parallelism: the round's parallelism, nil when a batch's cores busy is unknown.
    /// - Returns: the parallelism when planned on it and known, else the speedup.
    public static func value(byParallelism: Bool, speedup: Double?, parallelism: Double?) -> Double? {
        if byParallelism, let parallelism { return parallelism }
        return speedup
    }
}
