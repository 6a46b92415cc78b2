import Foundation
import Testing
@testable import ThreadBenchStatistics
@testable import ThreadBenchModel
@testable import ThreadBenchMeasurement
@testable import ThreadBenchAnalysis
@testable import ThreadBenchStorage
@testable import ThreadBenchOutput

/// Seeded simulations of `compare`'s default judgement (Welch on log walls, false-coverage-rate
/// intervals at q 0.05, a 5% band) at its hardest size: 126 rows, 5 rounds against 5.
@Suite struct CompareSimulationTests {
    /// How a round's log wall time strays from its row's true value.
    enum Noise: CaseIterable {
        /// Normal on the log scale, sd 3%.
        case lognormal
        /// Student's t with 3 df on the log scale, scaled to sd 3%: heavy tails.
        case heavyTailed
        /// Sd 3%, but one round in ten has sd 15%, either way: symmetric contamination.
        case contaminated

        func draw(_ rng: inout SplitMix64) -> Double {
            switch self {
            case .lognormal: return 0.03 * Self.normal(&rng)
            case .heavyTailed:
                let chi = (0..<3).map { _ in pow(Self.normal(&rng), 2) }.reduce(0, +)
                return 0.03 * Self.normal(&rng) / (chi / 3).squareRoot() / 3.0.squareRoot()
            case .contaminated:
                return (Double.random(in: 0..<1, using: &rng) < 0.1 ? 0.15 : 0.03) * Self.normal(&rng)
            }
        }

        static func normal(_ rng: inout SplitMix64) -> Double {
            let u = Double.random(in: Double.ulpOfOne..<1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    static let rows = 126
    static let rounds = 5

    /// One data set's verdicts: rows whose true ratio is `ratios[i]`, 5 rounds a side.
    static func verdicts(ratios: [Double], noise: Noise, rng: inout SplitMix64,
                         settings: ComparisonSettings = .standard) -> [ComparisonVerdict] {
        let tests: [(any LogShiftTest)?] = ratios.map { ratio in
            let a = (0..<rounds).map { _ in exp(noise.draw(&rng)) }
            let b = (0..<rounds).map { _ in ratio * exp(noise.draw(&rng)) }
            return WelchLogRatio(baseline: a, other: b)
        }
        return RatioJudgement.judge(tests, settings: settings).map { ComparisonVerdict($0?.position) }
    }

    /// The share of rows called faster or slower over identical runs, per noise.
    static func falseCallRate(_ noise: Noise, dataSets: Int, seed: UInt64,
                              settings: ComparisonSettings = .standard) -> Double {
        var rng = SplitMix64(seed: seed)
        var called = 0, same = 0
        for _ in 0..<dataSets {
            let verdicts = Self.verdicts(ratios: Array(repeating: 1, count: rows), noise: noise, rng: &rng,
                                         settings: settings)
            called += verdicts.filter { $0 == .slower || $0 == .faster }.count
            same += verdicts.filter { $0 == .same }.count
        }
        return Double(called) / Double(dataSets * rows)
    }

    @Test(arguments: Noise.allCases)
    func identicalRunsCallAtMostFivePercentOfRows(_ noise: Noise) {
        let rate = Self.falseCallRate(noise, dataSets: 50, seed: 18)
        #expect(rate <= 0.05, "\(noise): \(rate)")
    }

    @Test(arguments: Noise.allCases)
    func identicalRunsWithNoBandStillCallFewRows(_ noise: Noise) {
        // With no band every call rests on the adjustment alone.
        let settings = ComparisonSettings(test: .welch, correction: .fcr, alpha: 0.05, threshold: 0)
        let rate = Self.falseCallRate(noise, dataSets: 50, seed: 19, settings: settings)
        #expect(rate <= 0.05, "\(noise): \(rate)")
    }

    /// The share of rows with true ratio `ratio` on every row that get `verdict`, over `dataSets` data sets.
    static func share(of verdict: ComparisonVerdict, ratio: Double, dataSets: Int, seed: UInt64) -> Double {
        var rng = SplitMix64(seed: seed)
        var count = 0
        for _ in 0..<dataSets {
            count += verdicts(ratios: Array(repeating: ratio, count: rows), noise: .lognormal, rng: &rng)
                .filter { $0 == verdict }.count
        }
        return Double(count) / Double(dataSets * rows)
    }

    @Test func aTwentyPercentChangeOnEveryRowIsCalledSlower() {
        let power = Self.share(of: .slower, ratio: 1.2, dataSets: 20, seed: 20)
        #expect(power >= 0.8, "\(power)")
    }

    @Test func aTwentyPercentChangeOnSomeRowsIsCalledSlowerAndTheOthersAreNot() {
        var rng = SplitMix64(seed: 21)
        let changed = 12, dataSets = 50
        let ratios = Array(repeating: 1.2, count: changed) + Array(repeating: 1.0, count: Self.rows - changed)
        var slower = 0, falseCalls = 0
        for _ in 0..<dataSets {
            let verdicts = Self.verdicts(ratios: ratios, noise: .lognormal, rng: &rng)
            slower += verdicts.prefix(changed).filter { $0 == .slower }.count
            falseCalls += verdicts.dropFirst(changed).filter { $0 == .slower || $0 == .faster }.count
        }
        let power = Double(slower) / Double(dataSets * changed)
        #expect(power >= 0.8, "\(power)")
        #expect(Double(falseCalls) / Double(dataSets * (Self.rows - changed)) <= 0.05)
    }

    @Test func aTenPercentChangeIsRarelyCalledSame() {
        // "same" claims the ratio lies inside +-5%: rows truly 10% slower must seldom get it.
        let same = Self.share(of: .same, ratio: 1.1, dataSets: 20, seed: 22)
        #expect(same <= 0.05, "\(same)")
    }

    /// One side of a row as a run measures it: 3 pilot rounds, then the measured rounds a
    /// `CellPlan` fixes from the pilot (the worst case: here the pilot is of the wall itself,
    /// where a run plans on its speedup or parallelism), all of them handed to compare.
    static func twoStageSide(ratio: Double, noise: Noise, rng: inout SplitMix64) -> [Double] {
        let pilot = (0..<3).map { _ in ratio * exp(noise.draw(&rng)) }
        let plan = CellPlan(pilotFigures: pilot, precision: 0.03, minimumRounds: 5, maximumRounds: 20)
        return pilot + (0..<plan.rounds).map { _ in ratio * exp(noise.draw(&rng)) }
    }

    @Test(arguments: Noise.allCases)
    func pilotRoundsCountedWithTheRoundsTheyPlannedKeepTheFalseCallRate(_ noise: Noise) {
        var rng = SplitMix64(seed: 23)
        let dataSets = 50
        var called = 0
        for _ in 0..<dataSets {
            let tests: [(any LogShiftTest)?] = (0..<Self.rows).map { _ in
                WelchLogRatio(baseline: Self.twoStageSide(ratio: 1, noise: noise, rng: &rng),
                              other: Self.twoStageSide(ratio: 1, noise: noise, rng: &rng))
            }
            called += RatioJudgement.judge(tests, settings: .standard).map { ComparisonVerdict($0?.position) }
                .filter { $0 == .slower || $0 == .faster }.count
        }
        let rate = Double(called) / Double(dataSets * Self.rows)
        #expect(rate <= 0.05, "\(noise): \(rate)")
    }

    @Test(arguments: Noise.allCases)
    func pilotRoundsCountedKeepTheIntervalsCoverage(_ noise: Noise) throws {
        // Each row's unadjusted 95% interval for the ratio, rounds planned from the pilot.
        var rng = SplitMix64(seed: 24)
        let trials = 4000, ratio = 1.2
        var covered = 0
        for _ in 0..<trials {
            let test = try #require(WelchLogRatio(baseline: Self.twoStageSide(ratio: 1, noise: noise, rng: &rng),
                                                  other: Self.twoStageSide(ratio: ratio, noise: noise, rng: &rng)))
            let interval = test.logInterval(level: 0.95)
            covered += interval.low <= log(ratio) && log(ratio) <= interval.high ? 1 : 0
        }
        let coverage = Double(covered) / Double(trials)
        #expect(coverage >= 0.93, "\(noise): \(coverage)")
    }
}
