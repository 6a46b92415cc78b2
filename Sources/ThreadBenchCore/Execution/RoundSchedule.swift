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
///    leaves unused goes to the curves after it.
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
    private var states: [Curve: CurveState] = [:]

    /// What the schedule knows of one curve.
    private struct CurveState: Sendable {
        /// Wall seconds by thread count, then by round number (1, 2, ...).
        var wallSeconds: [Int: [Int: Double]] = [:]
        var rounds = 0
        var roundSeconds: Seconds = 0
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
    public init(curves: [Curve], threadCounts: [Int], scaling: Scaling = .strong,
                rules: RoundRules = .adaptive(), budgetSeconds: Seconds = .infinity) {
        self.rules = rules
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
        state.rounds += 1
        let seconds = roundSeconds.isFinite ? max(0, roundSeconds) : 0
        state.roundSeconds += seconds
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
            let rounds = predictedRoundsLeft(states[curve]!)
            guard rounds > 0 else { continue }
            guard let cost = costPerRound(of: curve) else { return nil }
            total += Double(rounds) * cost
        }
        return rules.fixedRounds == nil ? min(total, max(0, budgetSeconds - spentSeconds)) : total
    }

    /// Every cell, curve by curve in order and by thread count ascending.
    public func outcomes() -> [CellOutcome<Curve>] {
        curves.flatMap { curve in
            let state = states[curve]!
            return threadCounts.filter { $0 > 1 }.map { threads in
                CellOutcome(curve: curve, threads: threads, roundsRun: state.rounds, speedup: state.speedups[threads],
                            metTarget: meetsTarget(state.speedups[threads]), stopReason: state.stopReason)
            }
        }
    }

    private mutating func add(_ curve: Curve) {
        guard states[curve] == nil else { return }
        curves.append(curve)
        states[curve] = CurveState()
    }

    private var openCurves: [Curve] { curves.filter { states[$0]!.stopReason == nil } }

    private func decide(_ curve: Curve, remainingSeconds remaining: Seconds) -> RoundDecision {
        let state = states[curve]!
        if let fixed = rules.fixedRounds { return state.rounds < fixed ? .run : .stop(.fixedCount) }
        if state.rounds < rules.minimumRounds {
            let level = affordableRounds(remainingSeconds: remaining, startedCurve: curve)
            return state.rounds < level ? .run : .stop(.budgetSpent)
        }
        let cells = threadCounts.filter { $0 > 1 }.map { state.speedups[$0] }
        if cells.allSatisfy(meetsTarget) { return .stop(.precisionMet) }
        if state.rounds >= rules.maximumRounds { return .stop(.maximumRounds) }
        let others = openCurves.filter { $0 != curve }
        guard let cost = costPerRound(of: curve),
              let reserve = owedSeconds(others, toReach: rules.minimumRounds, startedCurve: nil) else {
            return .run  // cannot happen past the minimum: this curve's cost is known
        }
        let share = (remaining - reserve + state.extraSeconds) / Double(others.count + 1)
        return state.extraSeconds + cost <= share ? .run : .stop(.budgetSpent)
    }

    /// Whether a cell's interval is a nominal 95% one within the target precision.
    private func meetsTarget(_ speedup: PairedSpeedup?) -> Bool {
        guard let speedup else { return false }
        return speedup.intervalIsNominal95 && speedup.paired.relativeHalfWidth <= rules.precision
    }

    /// The mean seconds of the curve's rounds, or for a curve not started the mean over the
    /// curves measured; nil when none is.
    private func costPerRound(of curve: Curve) -> Seconds? {
        if let state = states[curve], state.rounds > 0 { return state.roundSeconds / Double(state.rounds) }
        let measured = states.values.filter { $0.rounds > 0 }.map { $0.roundSeconds / Double($0.rounds) }
        return measured.isEmpty ? nil : measured.reduce(0, +) / Double(measured.count)
    }

    /// The estimated seconds for `curves` to reach `rounds` rounds each, with the warm-up of
    /// those not started (but `startedCurve`, whose warm-up is behind it); nil when a cost
    /// needed is unknown.
    private func owedSeconds(_ curves: [Curve], toReach rounds: Int, startedCurve: Curve?) -> Seconds? {
        var total: Seconds = 0
        for curve in curves {
            let ran = states[curve]?.rounds ?? 0
            let warmup = ran == 0 && curve != startedCurve ? rules.warmupRounds : 0
            let owed = max(0, rounds - ran) + warmup
            guard owed > 0 else { continue }
            guard let cost = costPerRound(of: curve) else { return nil }
            total += Double(owed) * cost
        }
        return total
    }

    /// The most rounds, 1 to the minimum, that every open curve can reach within `remaining`;
    /// the minimum while costs are unknown.
    private func affordableRounds(remainingSeconds remaining: Seconds, startedCurve: Curve?) -> Int {
        for rounds in stride(from: rules.minimumRounds, to: 1, by: -1) {
            guard let owed = owedSeconds(openCurves, toReach: rounds, startedCurve: startedCurve) else {
                return rules.minimumRounds
            }
            if owed <= remaining { return rounds }
        }
        return 1
    }

    /// The rounds a curve is expected still to run (warm-up included for one not started).
    private func predictedRoundsLeft(_ state: CurveState) -> Int {
        let warmup = state.rounds == 0 ? rules.warmupRounds : 0
        if let fixed = rules.fixedRounds { return max(0, fixed - state.rounds) + warmup }
        if state.rounds < rules.minimumRounds { return rules.minimumRounds - state.rounds + warmup }
        let open = threadCounts.filter { $0 > 1 }.map { state.speedups[$0] }.filter { !meetsTarget($0) }
        guard !open.isEmpty else { return 0 }
        let widest = open.map { $0?.paired.relativeHalfWidth ?? .infinity }.max()!
        let ratio = widest / rules.precision
        let needed = ratio.isFinite ? Double(state.rounds) * ratio * ratio : Double(rules.maximumRounds)
        return max(1, Int(min(needed, Double(rules.maximumRounds)).rounded(.up)) - state.rounds)
    }
}
