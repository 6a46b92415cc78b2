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

        mutating func walls(of curve: String) -> [Int: Double] {
            let u = 2 * Double(rng.next() >> 11) / 9_007_199_254_740_992 - 1
            return [1: 1.0, 2: 0.5 * (1 + noise[curve, default: 0] * u)]
        }
    }

    /// What a simulated run did.
    struct Run {
        var spentSeconds: Double = 0
        /// Rounds past the minimum that started with less budget left than they cost.
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
                if schedule.roundsRun(of: curve) >= schedule.rules.minimumRounds,
                   run.spentSeconds + cost > schedule.budgetSeconds {
                    run.roundsOverBudget += 1
                }
                run.spentSeconds += cost
                schedule.record(round: machine.walls(of: curve), of: curve, roundSeconds: cost)
            }
        }
        return run
    }

    @Test func aTightCellStopsAtTheMinimum() throws {
        var machine = FakeMachine(secondsPerRound: ["sleep": 1], noise: ["sleep": 0.002])
        var schedule = RoundSchedule(curves: ["sleep"], threadCounts: [2])
        _ = Self.simulate(&schedule, on: &machine)
        #expect(schedule.roundsRun(of: "sleep") == 5)
        let cell = try #require(schedule.outcomes().first)
        #expect(cell.threads == 2 && cell.roundsRun == 5)
        #expect(cell.metTarget)
        #expect(cell.stopReason == .precisionMet)
        #expect(abs(try #require(cell.speedup).paired.speedup - 2) < 0.01)
    }

    @Test func aNoisyCellGetsMoreRounds() {
        var machine = FakeMachine(secondsPerRound: ["sleep": 1, "math": 1], noise: ["sleep": 0.002, "math": 0.1])
        var schedule = RoundSchedule(curves: ["sleep", "math"], threadCounts: [1, 2], budgetSeconds: 1000)
        _ = Self.simulate(&schedule, on: &machine)
        #expect(schedule.roundsRun(of: "sleep") == 5)
        #expect(schedule.roundsRun(of: "math") > 5)
        let math = schedule.outcomes().first { $0.curve == "math" }!
        #expect(math.metTarget == (math.stopReason == .precisionMet))
    }

    @Test func nothingExceedsTheBudget() {
        // Curves that never meet ±3% and differ in cost; their minimum (17.5 s) fits in 40 s.
        let costs = ["a": 1.0, "b": 2.0, "c": 0.5]
        var machine = FakeMachine(secondsPerRound: costs, noise: ["a": 0.6, "b": 0.6, "c": 0.6])
        var schedule = RoundSchedule(curves: ["a", "b", "c"], threadCounts: [2], budgetSeconds: 40)
        let run = Self.simulate(&schedule, on: &machine)
        #expect(run.roundsOverBudget == 0)
        #expect(run.spentSeconds <= 40)
        #expect(run.spentSeconds > 35)  // the slack went to extra rounds
        for curve in costs.keys {
            #expect(schedule.roundsRun(of: curve) > 5)
            #expect(schedule.nextRound(of: curve, spentSeconds: run.spentSeconds) == .stop(.budgetSpent))
        }
    }

    @Test func aMinimumThatDoesNotFitIsLevelledAndSaidSo() throws {
        var machine = FakeMachine(secondsPerRound: ["a": 1, "b": 1, "c": 1], noise: [:])
        var schedule = RoundSchedule(curves: ["a", "b", "c"], threadCounts: [2], budgetSeconds: 9)
        #expect(schedule.budgetFit(spentSeconds: 0) == nil)  // no cost known yet
        #expect(schedule.nextRound(of: "a", spentSeconds: 0) == .run)
        schedule.record(round: machine.walls(of: "a"), of: "a", roundSeconds: 1)
        let fit = try #require(schedule.budgetFit(spentSeconds: 1))
        #expect(!fit.fits)
        #expect(fit.minimumSeconds == 14 && fit.remainingSeconds == 8)
        #expect(fit.roundsPerCurve == 3)  // 2 more of a, 3 of b, 3 of c: 8 s
        let run = Self.simulate(&schedule, on: &machine, spentSeconds: 1)
        #expect(run.spentSeconds == 9)
        for curve in ["a", "b", "c"] { #expect(schedule.roundsRun(of: curve) == 3) }
        #expect(schedule.outcomes().allSatisfy { !$0.metTarget && $0.stopReason == .budgetSpent })
        #expect(schedule.outcomes().allSatisfy { $0.speedup?.intervalIsNominal95 == false })
    }

    @Test func fixedRoundsIgnorePrecisionAndBudget() {
        var machine = FakeMachine(secondsPerRound: ["tight": 1, "noisy": 1], noise: ["tight": 0, "noisy": 0.5])
        var schedule = RoundSchedule(curves: ["tight", "noisy"], threadCounts: [2], rules: .fixed(8),
                                     budgetSeconds: 3)
        let run = Self.simulate(&schedule, on: &machine)
        #expect(run.spentSeconds == 16)
        #expect(schedule.roundsRun(of: "tight") == 8 && schedule.roundsRun(of: "noisy") == 8)
        #expect(schedule.outcomes().allSatisfy { $0.stopReason == .fixedCount })
        #expect(schedule.outcomes().first { $0.curve == "tight" }!.metTarget)
        #expect(schedule.budgetFit(spentSeconds: 0)?.roundsPerCurve == 8)
    }

    @Test func estimatedTimeLeftCountsMinimumAndWarmUpWithinTheBudget() {
        var schedule = RoundSchedule(curves: ["a", "b"], threadCounts: [2], rules: .adaptive(warmupRounds: 1))
        #expect(schedule.estimatedSecondsLeft(spentSeconds: 0) == nil)
        schedule.record(round: [1: 1, 2: 0.5], of: "a", roundSeconds: 2)
        // a: 4 rounds to the minimum; b: 1 warm-up and 5 rounds, at a's 2 s a round.
        #expect(schedule.estimatedSecondsLeft(spentSeconds: 4) == 20)
        var capped = RoundSchedule(curves: ["a", "b"], threadCounts: [2], rules: .adaptive(warmupRounds: 1),
                                   budgetSeconds: 12)
        capped.record(round: [1: 1, 2: 0.5], of: "a", roundSeconds: 2)
        #expect(capped.estimatedSecondsLeft(spentSeconds: 4) == 8)
    }

    @Test func weakScalingScalesTheCellAndFailedBatchesAreLeftOut() throws {
        var schedule = RoundSchedule(curves: ["w"], threadCounts: [4, 2], scaling: .weak)
        #expect(schedule.threadCounts == [1, 2, 4])
        schedule.record(round: [1: 1, 2: 1.25, 4: 2], of: "w", roundSeconds: 1)
        schedule.record(round: [1: 1, 2: 1.25], of: "w", roundSeconds: 1)  // the 4-thread batch failed
        let cells = schedule.outcomes()
        #expect(cells.map(\.threads) == [2, 4])
        #expect(try #require(cells[0].speedup).paired.speedup == 1.6)
        #expect(try #require(cells[1].speedup).rounds == 1)
        #expect(cells.allSatisfy { $0.roundsRun == 2 && $0.stopReason == nil })
    }

    @Test func aCellThatMetTheTargetSitsOutLaterRoundsAndTheirCostShrinks() throws {
        var schedule = RoundSchedule(curves: ["c"], threadCounts: [2, 4], budgetSeconds: 5.8)
        var rng = SplitMix64(seed: 3)
        for _ in 0..<5 {
            #expect(schedule.threadCounts(forNextRoundOf: "c") == [1, 2, 4])
            let u = Double(rng.next() >> 11) / 9_007_199_254_740_992
            schedule.record(round: [1: 1, 2: 0.5, 4: 0.25 * (0.7 + 0.6 * u)], of: "c", roundSeconds: 1)
        }
        // The 2-thread cell is exact; the 4-thread one is still wide, so only it and 1 run.
        #expect(schedule.threadCounts(forNextRoundOf: "c") == [1, 4])
        // 0.8 s left: a full round (1 s) would not fit, one of 1 and 4 threads (about 0.71 s) does.
        #expect(schedule.nextRound(of: "c", spentSeconds: 5) == .run)
        schedule.record(round: [1: 1, 4: 0.25], of: "c", roundSeconds: 0.7)
        let cells = schedule.outcomes()
        #expect(cells.map(\.roundsRun) == [5, 6])
        #expect(try #require(cells[0].speedup).rounds == 5 && cells[0].metTarget)
        #expect(try #require(cells[1].speedup).rounds == 6)
        #expect(schedule.roundsRun(of: "c") == 6)
    }

    @Test func aCurveWhoseFigureIsNotASpeedupStopsAtTheMinimum() throws {
        var machine = FakeMachine(secondsPerRound: ["convoy": 1, "math": 1], noise: ["convoy": 0.5, "math": 0.5])
        var schedule = RoundSchedule(curves: ["convoy", "math"], threadCounts: [2], budgetSeconds: 40,
                                     minimumOnly: ["convoy"])
        let run = Self.simulate(&schedule, on: &machine)
        #expect(schedule.roundsRun(of: "convoy") == 5)
        #expect(try #require(schedule.outcomes().first { $0.curve == "convoy" }).stopReason == .notASpeedup)
        #expect(schedule.roundsRun(of: "math") > 25, "the time convoy did not take went to math")
        #expect(run.spentSeconds <= 40)
    }
}
