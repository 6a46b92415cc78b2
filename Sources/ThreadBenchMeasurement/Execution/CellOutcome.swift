import ThreadBenchStatistics
/// What one cell (a curve at one thread count above 1) reached, for the precision report.
public struct CellOutcome<Curve: Hashable & Sendable>: Sendable {
    public var curve: Curve
    public var threads: Int
    /// Pilot rounds its curve ran (they plan, they do not measure).
    public var pilotRounds: Int
    /// Measured rounds this cell took part in with its planning figure known.
    public var measuredRounds: Int
    /// The plan its pilot gave.
    public var plan: CellPlan
    /// Whether its measured rounds meet the precision for its pilot's spread (`CellPlan.meetsTarget`).
    public var metTarget: Bool
    /// Why its curve stopped; nil while the curve may still run rounds.
    public var stopReason: RoundStopReason?
}
