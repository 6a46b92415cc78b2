import Foundation

/// ThreadBench's one precision rule: the rounds a cell is planned from its pilot's spread, and
/// whether the rounds it ran meet the target.
///
/// Pilot rounds only plan; measured rounds only measure. The plan reads the pilot's log-scale
/// standard deviation of the cell's planning figure (parallelism or speedup per round) and
/// asks for the fewest measured rounds n (at least the minimum) with
/// t(n-1) * sd / sqrt(n) <= ln(1 + precision); a cell that would need more than the maximum
/// gets the minimum and is not expected to meet the target. Whether a cell met the target is
/// the same inequality at the rounds it actually ran, so it depends only on the pilot and the
/// count, never on the measured figures: the cells reported as meeting the precision keep the
/// interval's coverage (a rule that looks at the measured interval's own width picks the
/// rounds that happened to come out narrow, and undercovers: see docs/RESULTS.md).
public struct CellPlan: Sendable, Equatable {
    /// The log-scale standard deviation of the pilot's figures; nil with fewer than 2.
    public var pilotLogStandardDeviation: Double?
    /// Measured rounds planned.
    public var rounds: Int
    /// Whether `rounds` is expected to reach the target (false: the minimum, for lack of a better one).
    public var reachesTarget: Bool

    /// The plan for a cell whose pilot gave `pilotFigures`.
    public init(pilotFigures: [Double], precision: Double, minimumRounds: Int, maximumRounds: Int) {
        let logs = pilotFigures.filter { $0 > 0 && $0.isFinite }.map { Foundation.log($0) }
        let sd = logs.count >= 2 ? Statistics.standardDeviation(logs) : nil
        pilotLogStandardDeviation = sd
        let needed = sd.flatMap {
            LogInterval.roundsNeeded(logStandardDeviation: $0, precision: precision, minimum: max(2, minimumRounds),
                                     maximum: max(2, maximumRounds, minimumRounds))
        }
        rounds = needed ?? minimumRounds
        reachesTarget = needed != nil
    }

    /// Whether `measuredRounds` rounds meet `precision` for this pilot's spread: false without a
    /// pilot spread or with fewer than 2 rounds.
    public func meetsTarget(measuredRounds: Int, precision: Double) -> Bool {
        guard let sd = pilotLogStandardDeviation, measuredRounds >= 2 else { return false }
        return LogInterval.halfWidth(logStandardDeviation: sd, rounds: measuredRounds) <= Foundation.log(1 + precision)
    }
}
