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

    /// See `threadCounts(forNextRoundOf:)`.
    func nextThreadCounts(_ state: CurveState) -> [Int] {
        if rules.fixedRounds != nil || state.rounds < rules.minimumRounds { return threadCounts }
        return threadCounts.filter { $0 == 1 || !meetsTarget(state.speedups[$0]) }
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

    /// The most rounds, 1 to the minimum, that every open curve can reach within `remaining`;
    /// the minimum while costs are unknown.
    func affordableRounds(remainingSeconds remaining: Seconds, startedCurve: Curve?) -> Int {
        for rounds in stride(from: rules.minimumRounds, to: 1, by: -1) {
            guard let owed = owedSeconds(openCurves, toReach: rounds, startedCurve: startedCurve) else {
                return rules.minimumRounds
            }
            if owed <= remaining { return rounds }
        }
        return 1
    }

    /// The rounds a curve is expected still to run (warm-up included for one not started).
    func predictedRoundsLeft(of curve: Curve) -> Int {
        let state = states[curve]!
        let warmup = state.rounds == 0 ? rules.warmupRounds : 0
        if let fixed = rules.fixedRounds { return max(0, fixed - state.rounds) + warmup }
        if state.rounds < rules.minimumRounds { return rules.minimumRounds - state.rounds + warmup }
        if minimumOnly.contains(curve) { return 0 }
        let open = threadCounts.filter { $0 > 1 }.map { state.speedups[$0] }.filter { !meetsTarget($0) }
        guard !open.isEmpty else { return 0 }
        let widest = open.map { $0?.paired.relativeHalfWidth ?? .infinity }.max()!
        let ratio = widest / rules.precision
        let needed = ratio.isFinite ? Double(state.rounds) * ratio * ratio : Double(rules.maximumRounds)
        return max(1, Int(min(needed, Double(rules.maximumRounds)).rounded(.up)) - state.rounds)
    }
}
