import ThreadBenchModel

/// How `RoundSchedule` estimates what rounds cost: full rounds, partial ones, the minimum still
/// owed and the rounds a curve is expected still to run.
extension RoundSchedule {
    /// The mean seconds of the curve's full rounds, or for a curve not started the mean over the
    /// curves measured; nil when none is.
    func costPerRound(of curve: Curve) -> Seconds? {
        func mean(_ state: CurveState) -> Seconds { state.fullRoundSeconds / Double(state.fullRounds) }
        if let state = states[curve], state.fullRounds > 0 { return mean(state) }
        let measured = states.values.filter { $0.fullRounds > 0 }.map(mean)
        return measured.isEmpty ? nil : measured.reduce(0, +) / Double(measured.count)
    }

    /// The estimated seconds of the curve's next round: a full round's cost times the share of
    /// a full round's batch time that the thread counts it will run took, on their mean walls.
    func costOfNextRound(of curve: Curve) -> Seconds? {
        guard let full = costPerRound(of: curve) else { return nil }
        guard let state = states[curve] else { return full }
        let counts = nextThreadCounts(state)
        func meanWall(_ threads: Int) -> Seconds {
            let walls = state.wallSeconds[threads].map { Array($0.values) } ?? []
            return walls.isEmpty ? 0 : walls.reduce(0, +) / Double(walls.count)
        }
        let whole = threadCounts.map(meanWall).reduce(0, +)
        guard counts.count < threadCounts.count, whole > 0 else { return full }
        return full * counts.map(meanWall).reduce(0, +) / whole
    }

    /// The estimated seconds for `curves` to reach `rounds` rounds each, with the warm-up of
    /// those not started (but `startedCurve`, whose warm-up is behind it); nil when a cost
    /// needed is unknown.
    func owedSeconds(_ curves: [Curve], toReach rounds: Int, startedCurve: Curve?) -> Seconds? {
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

    /// The most rounds, 1 to the pilot and minimum together, that every open curve can reach
    /// within `remaining`; all of them while costs are unknown.
    func affordableRounds(remainingSeconds remaining: Seconds, startedCurve: Curve?) -> Int {
        for rounds in stride(from: targetRounds, to: 1, by: -1) {
            guard let owed = owedSeconds(openCurves, toReach: rounds, startedCurve: startedCurve) else {
                return targetRounds
            }
            if owed <= remaining { return rounds }
        }
        return 1
    }
}

extension RoundSchedule {
    /// Whether the pilot and minimum rounds (the fixed count under fixed rules) of the open
    /// curves fit in what is left of the budget, and if not, how many rounds per curve do.
    /// - Returns: nil while no round has been recorded, so no cost can be estimated.
    public func budgetFit(spentSeconds: Seconds) -> BudgetFit? {
        let remaining = budgetSeconds - spentSeconds
        guard let owed = owedSeconds(openCurves, toReach: targetRounds, startedCurve: nil) else { return nil }
        let rounds = rules.fixedRounds ?? affordableRounds(remainingSeconds: remaining, startedCurve: nil)
        return BudgetFit(minimumSeconds: owed, remainingSeconds: remaining, roundsPerCurve: rounds)
    }

    /// An estimate of the seconds the open curves still need, for a progress line: their pilot
    /// and minimum rounds, then the rounds their plans ask for; at most the remaining budget
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
}
