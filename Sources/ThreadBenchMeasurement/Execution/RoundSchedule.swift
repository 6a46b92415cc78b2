import ThreadBenchModel
import ThreadBenchStatistics

/// Decides, round by round, which curves run another round, within a time budget.
///
/// A round of a curve is one batch at each of its thread counts, 1 included, so that every
/// N-thread batch has a 1-thread partner measured moments before or after it: drift of the
/// machine slower than a round cancels in their ratio (`PairedSpeedup`). A cell is a curve at
/// one thread count above 1; its precision is the relative half-width of its paired interval.
///
/// The rules, checked before every round of a curve:
/// 1. Fixed rules (`RoundRules.fixed`): exactly that many rounds; precision and budget are not
///    looked at.
/// 2. Minimum: a curve runs `minimumRounds` rounds. When the estimated cost of bringing every
///    open curve to the minimum exceeds what is left of the budget, all open curves are
///    levelled to the most rounds that fit (`budgetFit`): rounds give, never thread counts.
///    Every curve runs at least one round, so that every cell has a figure; only those first
///    rounds can take the run past its budget.
/// 3. Past the minimum, adaptive rounds spend time where intervals are wide: a curve runs
///    another round only while one of its cells is not yet within `precision`, it is below
///    `maximumRounds`, and the round fits in its share of the budget. Its share is the slack
///    (the remaining budget less the estimated cost of the other open curves' minimum rounds)
///    split equally among the open curves, counting what it already spent past its minimum,
///    so that a round it starts never exceeds the remaining budget, and time a tight curve
///    leaves unused goes to the curves after it. Such a round runs only the 1-thread batch and
///    the cells still wider than `precision` (`threadCounts(forNextRoundOf:)`): a cell that met
///    the target keeps its interval and costs nothing more, and every batch keeps a 1-thread
///    partner in its round. A curve in `minimumOnly` gets no adaptive rounds.
/// Once a curve is told to stop it is finished and stays so.
///
/// Pure: no clock is read. The caller passes the time spent so far and each round's duration;
/// a curve's cost per round is the mean of its rounds, and curves not started yet are
/// estimated at the mean cost of those measured. Works whether curves run one after another
/// (as the runner does, because a workload is set up once) or interleaved.
public struct RoundSchedule<Curve: Hashable & Sendable>: Sendable {
    /// How many rounds curves run.
    public let rules: RoundRules
    /// The budget of the whole run in seconds; infinity for none.
    public let budgetSeconds: Seconds
    /// Every curve's thread counts, ascending, 1 included.
    public let threadCounts: [Int]
    /// Weak scaling multiplies each cell's speedup by its thread count.
    public let scaling: Scaling
    /// The curves, in the order given (and then in the order first seen).
    public private(set) var curves: [Curve] = []
    /// Curves that stop at the minimum: their speedup intervals are not what they report.
    public let minimumOnly: Set<Curve>
    private(set) var states: [Curve: CurveState] = [:]

    /// What the schedule knows of one curve.
    struct CurveState: Sendable {
        /// Wall seconds by thread count, then by round number (1, 2, ...).
        var wallSeconds: [Int: [Int: Double]] = [:]
        var rounds = 0
        /// Rounds that ran every thread count, and their seconds: the cost of a full round.
        var fullRounds = 0
        var fullRoundSeconds: Seconds = 0
        /// Rounds each thread count above 1 was part of.
        var cellRounds: [Int: Int] = [:]
        /// Seconds spent on rounds past the minimum.
        var extraSeconds: Seconds = 0
        var speedups: [Int: PairedSpeedup] = [:]
        var stopReason: RoundStopReason?
    }

    /// Creates a schedule in which no curve has run yet.
    /// - Parameters:
    ///   - curves: the curves to run; duplicates count once.
    ///   - threadCounts: the thread counts of every curve; 1 is added when missing.
    ///   - budgetSeconds: the whole run's budget; infinity (or NaN) for none.
    ///   - minimumOnly: curves whose figure is not their speedup (a mixed workload's is the
    ///     I/O latency it adds): they run the minimum rounds and no adaptive ones.
    public init(curves: [Curve], threadCounts: [Int], scaling: Scaling = .strong,
                rules: RoundRules = .adaptive(), budgetSeconds: Seconds = .infinity, minimumOnly: Set<Curve> = []) {
        self.rules = rules
        self.minimumOnly = minimumOnly
        self.budgetSeconds = budgetSeconds.isNaN ? .infinity : max(0, budgetSeconds)
        self.threadCounts = Array(Set(threadCounts.filter { $0 > 0 } + [1])).sorted()
        self.scaling = scaling
        for curve in curves { add(curve) }
    }

    /// The rounds `curve` has run.
    public func roundsRun(of curve: Curve) -> Int { states[curve]?.rounds ?? 0 }

    /// Records one finished round of `curve`.
    /// - Parameters:
    ///   - wallSeconds: the wall of each thread count's batch; leave out a batch that failed.
    ///   - roundSeconds: how long the whole round took, as the caller measured it.
    public mutating func record(round wallSeconds: [Int: Seconds], of curve: Curve, roundSeconds: Seconds) {
        add(curve)
        var state = states[curve]!
        let planned = Set(nextThreadCounts(state)).union(wallSeconds.keys)
        let full = threadCounts.allSatisfy(planned.contains)
        for threads in threadCounts where threads > 1 && planned.contains(threads) {
            state.cellRounds[threads, default: 0] += 1
        }
        state.rounds += 1
        let seconds = roundSeconds.isFinite ? max(0, roundSeconds) : 0
        if full {
            state.fullRounds += 1
            state.fullRoundSeconds += seconds
        }
        if state.rounds > rules.minimumRounds { state.extraSeconds += seconds }
        for (threads, wall) in wallSeconds where threadCounts.contains(threads) {
            state.wallSeconds[threads, default: [:]][state.rounds] = wall
        }
        for threads in threadCounts where threads > 1 {
            state.speedups[threads] = PairedSpeedup(
                baselineWallSeconds: state.wallSeconds[1] ?? [:], wallSeconds: state.wallSeconds[threads] ?? [:],
                scale: scaling == .weak ? Double(threads) : 1)
        }
        states[curve] = state
    }

    /// The thread counts of `curve`'s next round, ascending: all of them up to the minimum (and
    /// under fixed rules), then 1 and the counts whose cells are still wider than the precision.
    public func threadCounts(forNextRoundOf curve: Curve) -> [Int] {
        states[curve].map(nextThreadCounts) ?? threadCounts
    }

    /// Whether `curve` runs another round now; a stop is final (see the rules on the type).
    /// - Parameter spentSeconds: the time the whole run has taken so far.
    public mutating func nextRound(of curve: Curve, spentSeconds: Seconds) -> RoundDecision {
        add(curve)
        if let reason = states[curve]!.stopReason { return .stop(reason) }
        let decision = decide(curve, remainingSeconds: budgetSeconds - spentSeconds)
        if case .stop(let reason) = decision { states[curve]!.stopReason = reason }
        return decision
    }

    /// Whether the minimum rounds (the fixed count under fixed rules) of the open curves fit
    /// in what is left of the budget, and if not, how many rounds per curve do.
    /// - Returns: nil while no round has been recorded, so no cost can be estimated.
    public func budgetFit(spentSeconds: Seconds) -> BudgetFit? {
        let remaining = budgetSeconds - spentSeconds
        let target = rules.fixedRounds ?? rules.minimumRounds
        guard let owed = owedSeconds(openCurves, toReach: target, startedCurve: nil) else { return nil }
        let rounds = rules.fixedRounds ?? affordableRounds(remainingSeconds: remaining, startedCurve: nil)
        return BudgetFit(minimumSeconds: owed, remainingSeconds: remaining, roundsPerCurve: rounds)
    }

    /// An estimate of the seconds the open curves still need, for a progress line: their rounds
    /// to the minimum, and for a curve past it the rounds its widest cell needs if the half-width
    /// shrinks as one over the square root of the rounds; at most the remaining budget
    /// (under adaptive rules). Nil while no round has been recorded.
    public func estimatedSecondsLeft(spentSeconds: Seconds) -> Seconds? {
        var total: Seconds = 0
        for curve in openCurves {
            let rounds = predictedRoundsLeft(of: curve)
            guard rounds > 0 else { continue }
            guard let cost = costOfNextRound(of: curve) else { return nil }
            total += Double(rounds) * cost
        }
        return rules.fixedRounds == nil ? min(total, max(0, budgetSeconds - spentSeconds)) : total
    }

    /// Every cell, curve by curve in order and by thread count ascending.
    public func outcomes() -> [CellOutcome<Curve>] {
        curves.flatMap { curve in
            let state = states[curve]!
            return threadCounts.filter { $0 > 1 }.map { threads in
                CellOutcome(curve: curve, threads: threads, roundsRun: state.cellRounds[threads, default: 0],
                            speedup: state.speedups[threads],
                            metTarget: meetsTarget(state.speedups[threads]), stopReason: state.stopReason)
            }
        }
    }

    private mutating func add(_ curve: Curve) {
        guard states[curve] == nil else { return }
        curves.append(curve)
        states[curve] = CurveState()
    }

    var openCurves: [Curve] { curves.filter { states[$0]!.stopReason == nil } }

    private func decide(_ curve: Curve, remainingSeconds remaining: Seconds) -> RoundDecision {
        let state = states[curve]!
        if let fixed = rules.fixedRounds { return state.rounds < fixed ? .run : .stop(.fixedCount) }
        if state.rounds < rules.minimumRounds {
            let level = affordableRounds(remainingSeconds: remaining, startedCurve: curve)
            return state.rounds < level ? .run : .stop(.budgetSpent)
        }
        let cells = threadCounts.filter { $0 > 1 }.map { state.speedups[$0] }
        if cells.allSatisfy(meetsTarget) { return .stop(.precisionMet) }
        if minimumOnly.contains(curve) { return .stop(.notASpeedup) }
        if state.rounds >= rules.maximumRounds { return .stop(.maximumRounds) }
        let others = openCurves.filter { $0 != curve }
        guard let cost = costOfNextRound(of: curve),
              let reserve = owedSeconds(others, toReach: rules.minimumRounds, startedCurve: nil) else {
            return .run  // cannot happen past the minimum: this curve's cost is known
        }
        let share = (remaining - reserve + state.extraSeconds) / Double(others.count + 1)
        return state.extraSeconds + cost <= share ? .run : .stop(.budgetSpent)
    }

    /// Whether a cell's interval is a nominal 95% one within the target precision.
    func meetsTarget(_ speedup: PairedSpeedup?) -> Bool {
        guard let speedup else { return false }
        return speedup.intervalIsNominal95 && speedup.paired.relativeHalfWidth <= rules.precision
    }
}
