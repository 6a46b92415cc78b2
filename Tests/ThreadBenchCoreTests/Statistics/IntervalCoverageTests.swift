import Foundation
import Testing
@testable import ThreadBenchStatistics
@testable import ThreadBenchModel
@testable import ThreadBenchMeasurement
@testable import ThreadBenchAnalysis
@testable import ThreadBenchStorage
@testable import ThreadBenchOutput

/// Proof by seeded simulation that every interval ThreadBench prints covers what it claims.
///
/// Per-round log ratios are drawn around a true value of 0 from three shapes: normal (lognormal
/// ratios), heavy-tailed (Student t with 3 df, scaled to the same sd) and contaminated (one round
/// in ten with five times the spread, either way). Each check counts how often the 95%
/// interval holds the true value. Figures reached are in docs/RESULTS.md.
@Suite struct IntervalCoverageTests {
    enum Shape: CaseIterable { case lognormal, heavyTailed, contaminated }

    /// A seeded source of per-round log ratios with sd `sd`.
    struct Source {
        var rng: SplitMix64
        let shape: Shape
        let sd: Double

        mutating func uniform() -> Double { (Double(rng.next() >> 11) + 0.5) / 9_007_199_254_740_992 }
        mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }

        /// One per-round ratio (exp of the log draw).
        mutating func ratio() -> Double {
            switch shape {
            case .lognormal:
                return exp(sd * normal())
            case .heavyTailed:
                var chi = 0.0
                for _ in 0..<3 {
                    let z = normal()
                    chi += z * z
                }
                let t = normal() / (chi / 3).squareRoot()
                return exp(sd * t / Double(3).squareRoot())
            case .contaminated:
                return exp(sd * normal() * (uniform() < 0.1 ? 5 : 1))
            }
        }
    }

    @Test(arguments: Shape.allCases)
    func theIntervalAloneCoversAtEveryRoundCount(shape: Shape) {
        for rounds in [2, 3, 5, 7, 10, 15, 20] {
            var source = Source(rng: SplitMix64(seed: UInt64(rounds) * 97 + 1), shape: shape, sd: 0.05)
            let trials = 2000
            var covered = 0
            for _ in 0..<trials {
                let values = (0..<rounds).map { _ in source.ratio() }
                guard let interval = LogInterval(values) else { Issue.record("no interval: \(values)"); return }
                if interval.low <= 1 && 1 <= interval.high { covered += 1 }
            }
            let coverage = Double(covered) / Double(trials)
            print("coverage: interval alone, \(shape), \(rounds) rounds: \(coverage)")
            #expect(coverage >= 0.93, "\(shape) at \(rounds) rounds: \(coverage)")
        }
    }

    /// The whole adaptive procedure as built: a schedule with pilot rounds plans a cell, the
    /// measured rounds it allows make the interval, and the cell says whether it met ±3%.
    @Test(arguments: Shape.allCases)
    func theAdaptiveProcedureCoversAllCellsAndTheCellsThatMetThePrecision(shape: Shape) {
        for sd in [0.01, 0.02, 0.04, 0.06, 0.1] {
            var source = Source(rng: SplitMix64(seed: UInt64(sd * 1000) + 5), shape: shape, sd: sd)
            let trials = 1000
            var covered = 0, met = 0, metCovered = 0
            for _ in 0..<trials {
                var schedule = RoundSchedule(curves: ["c"], threadCounts: [2],
                                             rules: .adaptive(precision: 0.03, maximumRounds: 30))
                var measured: [Double] = []
                while schedule.nextRound(of: "c", spentSeconds: 0) == .run {
                    let ratio = source.ratio()
                    if !schedule.nextRoundIsPilot(of: "c") { measured.append(ratio) }
                    schedule.record(round: [1: RoundFigures(wallSeconds: 1), 2: RoundFigures(wallSeconds: 1 / ratio)],
                                    of: "c", roundSeconds: 1)
                }
                let interval = LogInterval(measured)!
                let hit = interval.low <= 1 && 1 <= interval.high
                if hit { covered += 1 }
                if schedule.outcomes()[0].metTarget {
                    met += 1
                    if hit { metCovered += 1 }
                }
            }
            let coverage = Double(covered) / Double(trials)
            print("coverage: adaptive, \(shape), sd \(sd): all \(coverage); met \(met) of \(trials), "
                + "coverage \(met > 0 ? Double(metCovered) / Double(met) : .nan)")
            #expect(coverage >= 0.93, "\(shape), sd \(sd): all cells \(coverage)")
            if met >= 100 {
                let metCoverage = Double(metCovered) / Double(met)
                #expect(metCoverage >= 0.93, "\(shape), sd \(sd): \(met) cells met ±3%, coverage \(metCoverage)")
            }
        }
    }
}
