import Testing
@testable import ThreadBenchMeasurement
import ThreadBenchStatistics

@Suite struct RoundScheduleTests {
    /// A fake machine: each curve's rounds cost fixed seconds, and its 2-thread batch takes half
    /// the 1-thread one times a noise factor within ±`noise[curve]`.
    struct FakeMachine {
        var secondsPerRound: [String: Double]
        var noise: [String: Double]
        var rng = SplitMix64(seed: 7)

        mutating func walls(of curve: String) -> [Int: RoundFigures] {
            let u = 2 * Double(rng.next() >> 11) / 9_007_199_254_740_992 - 1
            return [1: RoundFigures(wallSeconds: 1), 2: RoundFigures(wallSeconds: 0.5 * (1 + noise[curve, default: 0] * u))]
        }
    }

    /// What a simulated run did.
    struct Run {
        var spentSeconds: Double = 0
        /// Rounds past the pilot and minimum that started with less budget left than they cost.
        var roundsOverBudget = 0
    }

    /// Runs the curves one after another, as the runner does, on the fake machine.
    static func simulate(_ schedule: inout RoundSchedule<String>, on machine: inout FakeMachine,
                         spentSeconds: Double = 0) -> Run {
        var run = Run(spentSeconds: spentSeconds)
        for curve in schedule.curves {
            let cost = machine.secondsPerRound[curve]!
            run.spentSeconds += Double(schedule.rules.warmupRounds) * cost
            while schedule.nextRound(of: curve, spentSeconds: run.spentSeconds) == .run {
                if schedule.roundsRun(of: curve) >= schedule.targetRounds,
                   run.spentSeconds + cost > schedule.budgetSeconds {
                    run.roundsOverBudget += 1
                }
                run.spentSeconds += cost
                schedule.record(round: machine.walls(of: curve), of: curve, roundSeconds: cost)
            }
        }
        return run
    }

    /// Figures of a round from walls alone.
    static func figures(_ walls: [Int: Double]) -> [Int: RoundFigures] {
        walls.mapValues { RoundFigures(wallSeconds: $0) }
    }

    @Test func aTightCellRunsItsPilotThenTheMinimum() throws {
        var machine = FakeMachine(secondsPerRound: ["sleep": 1], noise: ["sleep": 0.002])
        var schedule = RoundSchedule(curves: ["sleep"], threadCounts: [2])
        _ = Self.simulate(&schedule, on: &machine)
        #expect(schedule.roundsRun(of: "sleep") == 8)
        let cell = try #require(schedule.outcomes().first)
        #expect(cell.threads == 2 && cell.pilotRounds == 3 && cell.measuredRounds == 5)
        #expect(cell.metTarget && cell.plan.reachesTarget && cell.plan.rounds == 5)
        #expect(cell.stopReason == .planReached)
    }

    @Test func aNoisyCellIsPlannedMoreRoundsFromItsPilot() throws {
        var machine = FakeMachine(secondsPerRound: ["sleep": 1, "math": 1], noise: ["sleep": 0.002, "math": 0.08])
        var schedule = RoundSchedule(curves: ["sleep", "math"], threadCounts: [1, 2], budgetSeconds: 1000)
        _ = Self.simulate(&schedule, on: &machine)
        #expect(schedule.roundsRun(of: "sleep") == 8)
        let math = try #require(schedule.outcomes().first { $0.curve == "math" })
        #expect(math.plan.rounds > 5)
        #expect(math.measuredRounds == math.plan.rounds)
        #expect(math.metTarget == math.plan.reachesTarget)
    }

    @Test func measuredFiguresNeverChangeTheRounds() {
        // Same pilot, wildly different measured rounds: the same number of rounds either way.
        func rounds(measuredNoise: Double) -> Int {
            var schedule = RoundSchedule(curves: ["c"], threadCounts: [2])
            var rng = SplitMix64(seed: 11)
            let pilot = [0.5, 0.53, 0.47]
            var index = 0
            while schedule.nextRound(of: "c", spentSeconds: 0) == .run {
                let u = 2 * Double(rng.next() >> 11) / 9_007_199_254_740_992 - 1
                let wall = schedule.nextRoundIsPilot(of: "c") ? pilot[index] : 0.5 * (1 + measuredNoise * u)
                index += 1
                schedule.record(round: Self.figures([1: 1, 2: wall]), of: "c", roundSeconds: 1)
            }
            return schedule.roundsRun(of: "c")
        }
        #expect(rounds(measuredNoise: 0) == rounds(measuredNoise: 0.5))
        #expect(rounds(measuredNoise: 0) > 8)
    }

    @Test func parallelismPlansComputingCurves() throws {
        // The speedup swings by ±30% while cores busy stays put: the plan reads parallelism.
        var schedule = RoundSchedule(curves: ["math"], threadCounts: [2], parallelismCurves: ["math"])
        var rng = SplitMix64(seed: 5)
        while schedule.nextRound(of: "math", spentSeconds: 0) == .run {
            let u = 2 * Double(rng.next() >> 11) / 9_007_199_254_740_992 - 1
            schedule.record(round: [1: RoundFigures(wallSeconds: 1, coresBusy: 1),
                                    2: RoundFigures(wallSeconds: 1 + 0.3 * u, coresBusy: 1.001)],
                            of: "math", roundSeconds: 1)
        }
        let cell = try #require(schedule.outcomes().first)
        #expect(cell.measuredRounds == 5 && cell.metTarget)
    }

    @Test func nothingExceedsTheBudget() {
        // Curves that need many rounds and differ in cost; their pilot and minimum (28 s) fit in 50 s.
        let costs = ["a": 1.0, "b": 2.0, "c": 0.5]
        var machine = FakeMachine(secondsPerRound: costs, noise: ["a": 0.1, "b": 0.1, "c": 0.1])
        var schedule = RoundSchedule(curves: ["a", "b", "c"], threadCounts: [2], budgetSeconds: 50)
        let run = Self.simulate(&schedule, on: &machine)
        #expect(run.roundsOverBudget == 0)
        #expect(run.spentSeconds <= 50)
        #expect(run.spentSeconds > 40)  // the slack went to planned rounds
        for curve in costs.keys {
            #expect(schedule.roundsRun(of: curve) > 8)
        }
    }

    @Test func aMinimumThatDoesNotFitIsLevelledAfterOnePilotRound() throws {
        var machine = FakeMachine(secondsPerRound: ["a": 1, "b": 1, "c": 1], noise: [:])
        var schedule = RoundSchedule(curves: ["a", "b", "c"], threadCounts: [2], budgetSeconds: 9)
        #expect(schedule.budgetFit(spentSeconds: 0) == nil)  // no cost known yet
        #expect(schedule.nextRound(of: "a", spentSeconds: 0) == .run)
        #expect(schedule.nextRoundIsPilot(of: "a"))  // costs unknown: the pilot is assumed to fit
        schedule.record(round: machine.walls(of: "a"), of: "a", roundSeconds: 1)
        let fit = try #require(schedule.budgetFit(spentSeconds: 1))
        #expect(!fit.fits)
        #expect(fit.minimumSeconds == 23 && fit.remainingSeconds == 8)
        #expect(fit.roundsPerCurve == 3)  // 2 more of a, 3 of b, 3 of c: 8 s
        let run = Self.simulate(&schedule, on: &machine, spentSeconds: 1)
        #expect(run.spentSeconds == 9)
        for curve in ["a", "b", "c"] { #expect(schedule.roundsRun(of: curve) == 3) }
        let cells = schedule.outcomes()
        #expect(cells.allSatisfy { !$0.metTarget && $0.stopReason == .budgetSpent })
        // Each first round ran while a cost was unknown, so it was a pilot; none after it fit.
        #expect(cells.map(\.pilotRounds) == [1, 1, 1])
    }

    @Test func aCheapCurveAfterADearOneKeepsItsPilot() {
        // Passes over both curves, as the runner makes them; the pilots and minimum (88 s) fit in 100 s.
        var machine = FakeMachine(secondsPerRound: ["dear": 10, "cheap": 1], noise: [:])
        var schedule = RoundSchedule(curves: ["dear", "cheap"], threadCounts: [2], budgetSeconds: 100)
        var spent = 0.0
        var ran = true
        while ran {
            ran = false
            for curve in schedule.curves where schedule.nextRound(of: curve, spentSeconds: spent) == .run {
                spent += machine.secondsPerRound[curve]!
                schedule.record(round: machine.walls(of: curve), of: curve, roundSeconds: machine.secondsPerRound[curve]!)
                ran = true
            }
        }
        #expect(schedule.outcomes().map(\.pilotRounds) == [3, 3], "the dear curve's cost does not stand for the cheap one's")
        #expect(spent <= 100)
    }

    @Test func fixedRoundsIgnorePrecisionAndBudgetAndRunNoPilot() {
        var machine = FakeMachine(secondsPerRound: ["tight": 1, "noisy": 1], noise: ["tight": 0, "noisy": 0.5])
        var schedule = RoundSchedule(curves: ["tight", "noisy"], threadCounts: [2], rules: .fixed(8),
                                     budgetSeconds: 3)
        let run = Self.simulate(&schedule, on: &machine)
        #expect(run.spentSeconds == 16)
        #expect(schedule.roundsRun(of: "tight") == 8 && schedule.roundsRun(of: "noisy") == 8)
        #expect(schedule.outcomes().allSatisfy { $0.stopReason == .fixedCount && $0.pilotRounds == 0 })
        #expect(schedule.outcomes().allSatisfy { !$0.metTarget })  // no pilot: not judged
        #expect(schedule.budgetFit(spentSeconds: 0)?.roundsPerCurve == 8)
    }

    @Test func estimatedTimeLeftCountsPilotMinimumAndWarmUpWithinTheBudget() {
        var schedule = RoundSchedule(curves: ["a", "b"], threadCounts: [2], rules: .adaptive(warmupRounds: 1))
        #expect(schedule.estimatedSecondsLeft(spentSeconds: 0) == nil)
        schedule.record(round: Self.figures([1: 1, 2: 0.5]), of: "a", roundSeconds: 2)
        // a ran a measured round: 4 to the minimum; b: 1 warm-up, 3 pilot and 5 rounds, at 2 s a round.
        #expect(schedule.estimatedSecondsLeft(spentSeconds: 4) == 26)
        var capped = RoundSchedule(curves: ["a", "b"], threadCounts: [2], rules: .adaptive(warmupRounds: 1),
                                   budgetSeconds: 12)
        capped.record(round: Self.figures([1: 1, 2: 0.5]), of: "a", roundSeconds: 2)
        #expect(capped.estimatedSecondsLeft(spentSeconds: 4) == 8)
    }

    @Test func weakScalingAndFailedBatchesCountOnlyWhatWasMeasured() throws {
        var schedule = RoundSchedule(curves: ["w"], threadCounts: [4, 2], scaling: .weak)
        #expect(schedule.threadCounts == [1, 2, 4])
        schedule.record(round: Self.figures([1: 1, 2: 1.25, 4: 2]), of: "w", roundSeconds: 1)
        schedule.record(round: Self.figures([1: 1, 2: 1.25]), of: "w", roundSeconds: 1)  // 4 threads failed
        let cells = schedule.outcomes()
        #expect(cells.map(\.threads) == [2, 4])
        #expect(cells.map(\.measuredRounds) == [2, 1])
        #expect(schedule.planningFigure("w", threads: 2, Self.figures([1: 1, 2: 1.25])) == 1.6)
    }

    @Test func aCellThatReachedItsPlanSitsOutLaterRounds() throws {
        var schedule = RoundSchedule(curves: ["c"], threadCounts: [2, 4])
        let pilot4 = [0.25, 0.25 * 1.06, 0.25 * 0.94]
        for round in 0..<8 {
            #expect(schedule.nextRound(of: "c", spentSeconds: 0) == .run)
            #expect(schedule.threadCounts(forNextRoundOf: "c") == [1, 2, 4])
            let wall4 = round < 3 ? pilot4[round] : 0.25
            schedule.record(round: Self.figures([1: 1, 2: 0.5, 4: wall4]), of: "c", roundSeconds: 1)
        }
        // The 2-thread cell's pilot was exact; the 4-thread one's was not, so only it and 1 run.
        #expect(schedule.nextRound(of: "c", spentSeconds: 0) == .run)
        #expect(schedule.threadCounts(forNextRoundOf: "c") == [1, 4])
        let cells = schedule.outcomes()
        #expect(cells[0].plan.rounds == 5 && cells[1].plan.rounds > 10)
    }

    @Test func aCurveWhoseFigureIsNotASpeedupStopsAtTheMinimum() throws {
        var machine = FakeMachine(secondsPerRound: ["convoy": 1, "math": 1], noise: ["convoy": 0.5, "math": 0.08])
        var schedule = RoundSchedule(curves: ["convoy", "math"], threadCounts: [2], budgetSeconds: 60,
                                     minimumOnly: ["convoy"])
        let run = Self.simulate(&schedule, on: &machine)
        #expect(schedule.roundsRun(of: "convoy") == 8)
        #expect(try #require(schedule.outcomes().first { $0.curve == "convoy" }).stopReason == .notASpeedup)
        let math = try #require(schedule.outcomes().first { $0.curve == "math" })
        #expect(math.plan.rounds > 5 && math.measuredRounds == math.plan.rounds, "convoy's plan did not hold math back")
        #expect(run.spentSeconds <= 60)
    }
}

@Suite struct RoundOrderTests {
    @Test func centredPutsTheBaselineInTheMiddle() {
        #expect(RoundOrder.ascending.arrange([64, 1, 2, 4, 8, 16, 32]) == [1, 2, 4, 8, 16, 32, 64])
        #expect(RoundOrder.centred.arrange([1, 2, 4, 8, 16, 32, 64]) == [2, 4, 8, 1, 16, 32, 64])
        #expect(RoundOrder.centred.arrange([1, 4]) == [4, 1])
        #expect(RoundOrder.centred.arrange([1, 2, 4]) == [2, 1, 4])
        #expect(RoundOrder.centred.arrange([2, 4]) == [2, 4])
    }
}
