import ThreadBenchModel
import ThreadBenchStatistics

/// How `RoundSchedule` runs pilots and plans each cell's measured rounds.
extension RoundSchedule {
    /// A cell's planning figure in one round (`PlanningFigure`): parallelism for
    /// `parallelismCurves` where both batches know their cores busy, else the speedup (times N
    /// under weak scaling); nil when a batch of the pair is missing.
    func planningFigure(_ curve: Curve, threads: Int, _ figures: [Int: RoundFigures]) -> Double? {
        guard let cell = figures[threads], let partner = figures[1] else { return nil }
        var parallelism: Double?
        if let busy = cell.coresBusy, let partnerBusy = partner.coresBusy, busy > 0, partnerBusy > 0 {
            parallelism = busy / partnerBusy
        }
        var speedup: Double?
        if cell.wallSeconds > 0, partner.wallSeconds > 0 {
            speedup = (scaling == .weak ? Double(threads) : 1) * partner.wallSeconds / cell.wallSeconds
        }
        return PlanningFigure.value(byParallelism: parallelismCurves.contains(curve), speedup: speedup,
                                    parallelism: parallelism)
    }

    /// Rounds of the pilot and the minimum together: what every curve runs before plans act.
    var targetRounds: Int { rules.fixedRounds ?? (rules.pilotRounds + rules.minimumRounds) }

    /// Whether the round `curve` starts now is a pilot round: while it has run only pilot rounds,
    /// fewer than `pilotRounds`, and the pilot and minimum of every open curve still fit. A curve's
    /// first round, while some curve's cost is still unknown (the first pass), is a pilot round: an
    /// estimate from the curves measured so far (the first workload's, often the dearest) would
    /// drop the pilots of the curves after them for a cost they may not have; later rounds check.
    func startsPilotRound(_ curve: Curve, remainingSeconds: Seconds) -> Bool {
        guard rules.fixedRounds == nil, let state = states[curve], state.measured == 0,
              state.pilotRounds < rules.pilotRounds else { return false }
        if state.rounds == 0, openCurves.contains(where: { (states[$0]?.fullRounds ?? 0) == 0 }) { return true }
        return affordableRounds(remainingSeconds: remainingSeconds, startedCurve: curve) >= targetRounds
    }

    /// Fixes the plans of `curve`'s cells from its pilot, once, before its first measured round.
    mutating func settlePlans(of curve: Curve) {
        guard var state = states[curve], state.plans.isEmpty else { return }
        state.plans = settledPlans(state)
        states[curve] = state
    }

    /// The curve's plans: those fixed, or the ones its pilot gives now.
    func settledPlans(_ state: CurveState) -> [Int: CellPlan] {
        guard state.plans.isEmpty else { return state.plans }
        return Dictionary(uniqueKeysWithValues: threadCounts.filter { $0 > 1 }.map {
            ($0, plan(pilot: state.pilotFigures[$0] ?? []))
        })
    }

    /// The plan a pilot gives under these rules.
    func plan(pilot: [Double]) -> CellPlan {
        CellPlan(pilotFigures: pilot, precision: rules.precision, minimumRounds: rules.minimumRounds,
                 maximumRounds: rules.maximumRounds)
    }

    /// See `threadCounts(forNextRoundOf:)`.
    func nextThreadCounts(_ state: CurveState) -> [Int] {
        if rules.fixedRounds != nil || state.nextIsPilot || state.measured < rules.minimumRounds { return threadCounts }
        let plans = settledPlans(state)
        return threadCounts.filter { $0 == 1 || state.measuredRounds[$0, default: 0] < plans[$0]!.rounds }
    }

    /// The rounds a curve is expected still to run (warm-up included for one not started).
    func predictedRoundsLeft(of curve: Curve) -> Int {
        let state = states[curve]!
        let warmup = state.rounds == 0 ? rules.warmupRounds : 0
        if let fixed = rules.fixedRounds { return max(0, fixed - state.rounds) + warmup }
        if state.measured < rules.minimumRounds {
            let pilotLeft = state.measured == 0 ? max(0, rules.pilotRounds - state.pilotRounds) : 0
            return pilotLeft + rules.minimumRounds - state.measured + warmup
        }
        if minimumOnly.contains(curve) { return 0 }
        let plans = settledPlans(state)
        let short = threadCounts.filter { $0 > 1 }.map { plans[$0]!.rounds - state.measuredRounds[$0, default: 0] }
        return min(max(0, short.max() ?? 0), max(0, rules.maximumRounds - state.measured))
    }
}
