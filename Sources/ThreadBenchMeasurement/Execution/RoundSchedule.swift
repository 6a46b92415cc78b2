import ThreadBenchModel
import ThreadBenchStatistics

/// Decides, round by round, which curves run another round, within a time budget, in two
/// stages: pilot rounds that plan, then measured rounds that were planned without looking back.
///
/// A round of a curve is one batch at each of its thread counts, 1 included, so that every
/// N-thread batch has a 1-thread partner measured moments before or after it (`RoundRatios`).
/// A cell is a curve at one thread count above 1. Its planning figure is the per-round ratio its
/// verdict rests on: parallelism for computation (`parallelismCurves`), the speedup otherwise.
///
/// The rules, checked before every round of a curve:
/// 1. Fixed rules (`RoundRules.fixed`): exactly that many rounds, all measured, no pilot;
///    precision and budget are not looked at.
/// 2. Pilot: the first `pilotRounds` rounds of a curve are pilot rounds (`nextRoundIsPilot`),
///    while the pilot and the minimum of every open curve fit in what is left of the budget;
///    once a curve runs a measured round it runs no more pilots. When its pilot ends, each cell
///    gets a plan (`CellPlan`) from its pilot's spread alone: the rounds whose t-interval would
///    reach the precision, or the minimum when even `maximumRounds` would not.
/// 3. Minimum: a curve runs `minimumRounds` measured rounds. When the estimated cost of bringing
///    every open curve to its pilot and minimum exceeds what is left of the budget, all open
///    curves are levelled to the most rounds that fit (`budgetFit`). Every curve runs at least one
///    round; only those first rounds can take the run past its budget.
/// 4. Past the minimum, a curve runs another round while a cell has fewer measured rounds than
///    planned, it is below `maximumRounds`, and the round fits in its share of the budget (the
///    remaining budget less the other open curves' minimum, split equally among the open curves,
///    counting what it already spent past its minimum). Such a round runs 1 thread and the cells
///    short of their plan. A curve in `minimumOnly` (mixed workloads) stops at the minimum.
/// No measured figure is ever looked at to decide a round: measured rounds are exchangeable with
/// a fixed count given the pilot, so their t-interval keeps its coverage, also for the cells
/// reported as meeting the precision (`CellPlan.meetsTarget` reads only the pilot and the count).
///
/// Pure: no clock is read. The caller passes the time spent so far and each round's duration.
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
    /// Curves that stop at the minimum: their speedup is not what they report.
    public let minimumOnly: Set<Curve>
    /// Curves whose cells are planned on their parallelism (computation) instead of the speedup.
    public let parallelismCurves: Set<Curve>
    var states: [Curve: CurveState] = [:]

    /// What the schedule knows of one curve.
    struct CurveState: Sendable {
        /// Wall seconds by thread count, then by round number (1, 2, ...), for the cost estimate.
        var wallSeconds: [Int: [Int: Double]] = [:]
        var rounds = 0
        /// Pilot rounds run so far; frozen once a measured round has run.
        var pilotRounds = 0
        /// Whether the round now starting (after `nextRound` said run) is a pilot round.
        var nextIsPilot = false
        /// Each cell's planning figure in its pilot rounds.
        var pilotFigures: [Int: [Double]] = [:]
        /// Measured rounds each cell took part in with its 1-thread partner.
        var measuredRounds: [Int: Int] = [:]
        var plans: [Int: CellPlan] = [:]
        /// Rounds that ran every thread count, and their seconds: the cost of a full round.
        var fullRounds = 0
        var fullRoundSeconds: Seconds = 0
        /// Seconds spent on rounds past the minimum.
        var extraSeconds: Seconds = 0
        var stopReason: RoundStopReason?

        var measured: Int { rounds - pilotRounds }
    }

    /// Creates a schedule in which no curve has run yet.
    /// - Parameters:
    ///   - curves: the curves to run; duplicates count once.
    ///   - threadCounts: the thread counts of every curve; 1 is added when missing.
    ///   - budgetSeconds: the whole run's budget; infinity (or NaN) for none.
    ///   - minimumOnly: curves whose figure is not their speedup: the minimum rounds only.
    ///   - parallelismCurves: curves planned on parallelism (computation).
    public init(curves: [Curve], threadCounts: [Int], scaling: Scaling = .strong,
                rules: RoundRules = .adaptive(), budgetSeconds: Seconds = .infinity, minimumOnly: Set<Curve> = [],
                parallelismCurves: Set<Curve> = []) {
        self.rules = rules
        self.minimumOnly = minimumOnly
        self.parallelismCurves = parallelismCurves
        self.budgetSeconds = budgetSeconds.isNaN ? .infinity : max(0, budgetSeconds)
        self.threadCounts = Array(Set(threadCounts.filter { $0 > 0 } + [1])).sorted()
        self.scaling = scaling
        for curve in curves { add(curve) }
    }

    /// The rounds `curve` has run, pilot ones included.
    public func roundsRun(of curve: Curve) -> Int { states[curve]?.rounds ?? 0 }

    /// Whether the round of `curve` that `nextRound` just allowed is a pilot round.
    public func nextRoundIsPilot(of curve: Curve) -> Bool { states[curve]?.nextIsPilot ?? false }

    /// Records one finished round of `curve`.
    /// - Parameters:
    ///   - figures: each thread count's wall and cores busy; leave out a batch that failed.
    ///   - roundSeconds: how long the whole round took, as the caller measured it.
    public mutating func record(round figures: [Int: RoundFigures], of curve: Curve, roundSeconds: Seconds) {
        add(curve)
        var state = states[curve]!
        let planned = Set(nextThreadCounts(state)).union(figures.keys)
        state.rounds += 1
        if state.nextIsPilot { state.pilotRounds += 1 }
        let seconds = roundSeconds.isFinite ? max(0, roundSeconds) : 0
        if threadCounts.allSatisfy(planned.contains) {
            state.fullRounds += 1
            state.fullRoundSeconds += seconds
        }
        if state.measured > rules.minimumRounds { state.extraSeconds += seconds }
        for (threads, figure) in figures where threadCounts.contains(threads) {
            state.wallSeconds[threads, default: [:]][state.rounds] = figure.wallSeconds
        }
        for threads in threadCounts where threads > 1 {
            guard let value = planningFigure(curve, threads: threads, figures) else { continue }
            if state.nextIsPilot {
                state.pilotFigures[threads, default: []].append(value)
            } else {
                state.measuredRounds[threads, default: 0] += 1
            }
        }

        if state.nextIsPilot { state.plans = [:] }
        state.nextIsPilot = false
        states[curve] = state
    }

    /// The thread counts of `curve`'s next round, ascending: all of them through the pilot and
    /// the minimum (and under fixed rules), then 1 and the cells short of their plan.
    public func threadCounts(forNextRoundOf curve: Curve) -> [Int] {
        states[curve].map(nextThreadCounts) ?? threadCounts
    }

    /// Whether `curve` runs another round now; a stop is final (see the rules on the type).
    /// - Parameter spentSeconds: the time the whole run has taken so far.
    public mutating func nextRound(of curve: Curve, spentSeconds: Seconds) -> RoundDecision {
        add(curve)
        if let reason = states[curve]!.stopReason { return .stop(reason) }
        let remaining = budgetSeconds - spentSeconds
        let decision = decide(curve, remainingSeconds: remaining)
        switch decision {
        case .stop(let reason): states[curve]!.stopReason = reason
        case .run: states[curve]!.nextIsPilot = startsPilotRound(curve, remainingSeconds: remaining)
        }
        if case .run = decision, !states[curve]!.nextIsPilot { settlePlans(of: curve) }
        return decision
    }

    /// Every cell, curve by curve in order and by thread count ascending.
    public func outcomes() -> [CellOutcome<Curve>] {
        curves.flatMap { curve in
            let state = states[curve]!
            return threadCounts.filter { $0 > 1 }.map { threads in
                let plan = state.plans[threads] ?? plan(pilot: state.pilotFigures[threads] ?? [])
                return CellOutcome(curve: curve, threads: threads, pilotRounds: state.pilotRounds,
                                   measuredRounds: state.measuredRounds[threads, default: 0], plan: plan,
                                   metTarget: plan.meetsTarget(measuredRounds: state.measuredRounds[threads, default: 0],
                                                               precision: rules.precision),
                                   stopReason: state.stopReason)
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
        if state.measured < rules.minimumRounds {
            let level = affordableRounds(remainingSeconds: remaining, startedCurve: curve)
            return state.rounds < level ? .run : .stop(.budgetSpent)
        }
        if minimumOnly.contains(curve) { return .stop(.notASpeedup) }
        let plans = settledPlans(state)
        if threadCounts.filter({ $0 > 1 }).allSatisfy({ state.measuredRounds[$0, default: 0] >= plans[$0]!.rounds }) {
            return .stop(.planReached)
        }
        if state.measured >= rules.maximumRounds { return .stop(.maximumRounds) }
        let others = openCurves.filter { $0 != curve }
        guard let cost = costOfNextRound(of: curve),
              let reserve = owedSeconds(others, toReach: targetRounds, startedCurve: nil) else {
            return .run  // cannot happen past the minimum: this curve's cost is known
        }
        let share = (remaining - reserve + state.extraSeconds) / Double(others.count + 1)
        return state.extraSeconds + cost <= share ? .run : .stop(.budgetSpent)
    }
}

/// One batch of a round as the schedule sees it.
public struct RoundFigures: Sendable, Equatable {
    public var wallSeconds: Seconds
    /// The workers' CPU over the wall (`BatchRecord.coresBusy`); nil when unknown.
    public var coresBusy: Double?

    /// Creates the figures of one batch.
    public init(wallSeconds: Seconds, coresBusy: Double? = nil) {
        self.wallSeconds = wallSeconds
        self.coresBusy = coresBusy
    }
}
