import ThreadBenchStatistics

/// What one cell (a curve at one thread count above 1) reached, for the summary.
public struct CellOutcome<Curve: Hashable & Sendable>: Sendable {
    public var curve: Curve
    public var threads: Int
    /// Rounds this cell's batch was part of (past the minimum, a cell that met the target sits
    /// rounds out); `speedup.rounds` counts those with both walls measured.
    public var roundsRun: Int
    /// The paired speedup and its interval; nil when no round measured both walls.
    public var speedup: PairedSpeedup?
    /// Whether the interval is a nominal 95% one within the target precision.
    public var metTarget: Bool
    /// Why its curve stopped; nil while the curve may still run rounds.
    public var stopReason: RoundStopReason?
}
