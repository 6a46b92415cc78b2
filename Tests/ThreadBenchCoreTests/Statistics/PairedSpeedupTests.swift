import Testing
@testable import ThreadBenchStatistics

@Suite struct PairedSpeedupTests {
    /// A noise factor within ±`amplitude` for every round, the same on every machine.
    static func noise(_ count: Int, amplitude: Double, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in 1 + amplitude * (2 * Double(rng.next() >> 11) / 9_007_199_254_740_992 - 1) }
    }

    /// Walls by round: 1 thread takes `baseline` seconds, N threads `baseline / ratio`, both times
    /// the machine's speed factor of the round and their own small noise.
    static func rounds(_ factors: [Double], ratio: Double, baseline: Double = 1,
                       noise amplitude: Double) -> (one: [Int: Double], many: [Int: Double]) {
        let a = noise(factors.count, amplitude: amplitude, seed: 1)
        let b = noise(factors.count, amplitude: amplitude, seed: 2)
        var one: [Int: Double] = [:]
        var many: [Int: Double] = [:]
        for (round, factor) in factors.enumerated() {
            one[round + 1] = baseline * factor * a[round]
            many[round + 1] = baseline / ratio * factor * b[round]
        }
        return (one, many)
    }

    @Test func pairedIntervalCoversTheTrueRatioUnderDriftAndIsNarrower() throws {
        // The machine slows down linearly from 1.0 to 1.5 over 10 rounds; the true speedup is 2.
        let drift = (0..<10).map { 1.0 + 0.5 * Double($0) / 9 }
        let (one, many) = Self.rounds(drift, ratio: 2, noise: 0.01)
        let estimate = try #require(PairedSpeedup(baselineWallSeconds: one, wallSeconds: many))
        #expect(estimate.rounds == 10)
        #expect(estimate.intervalIsNominal95)
        #expect(estimate.paired.ci95Low <= 2 && 2 <= estimate.paired.ci95High)
        #expect(abs(estimate.paired.speedup - 2) < 0.02)
        #expect(estimate.paired.relativeHalfWidth < 0.02)
        // Independent resampling of each side carries the drift into the unpaired interval.
        #expect(estimate.unpaired.relativeHalfWidth > 3 * estimate.paired.relativeHalfWidth)
    }

    @Test func identicalRoundsWithoutDriftAgree() throws {
        let one = Dictionary(uniqueKeysWithValues: (1...6).map { ($0, 3.0) })
        let many = Dictionary(uniqueKeysWithValues: (1...6).map { ($0, 1.5) })
        let estimate = try #require(PairedSpeedup(baselineWallSeconds: one, wallSeconds: many))
        #expect(estimate.paired == SpeedupInterval(speedup: 2, ci95Low: 2, ci95High: 2))
        #expect(estimate.unpaired == estimate.paired)
        #expect(estimate.paired.relativeHalfWidth == 0)
    }

    @Test func withoutDriftBothEstimatesAreClose() throws {
        let (one, many) = Self.rounds(Array(repeating: 1, count: 9), ratio: 1.6, noise: 0.02)
        let estimate = try #require(PairedSpeedup(baselineWallSeconds: one, wallSeconds: many))
        #expect(abs(estimate.paired.speedup - estimate.unpaired.speedup) < 0.03)
        #expect(estimate.paired.ci95Low <= 1.6 && 1.6 <= estimate.paired.ci95High)
        #expect(estimate.unpaired.ci95Low <= 1.6 && 1.6 <= estimate.unpaired.ci95High)
    }

    @Test func fewerThanFiveRoundsAreNotNominal() throws {
        let one = [1: 2.0, 2: 2.1, 3: 1.9, 4: 2.0]
        let many = [1: 1.0, 2: 1.0, 3: 1.0, 4: 1.1]
        let estimate = try #require(PairedSpeedup(baselineWallSeconds: one, wallSeconds: many))
        #expect(estimate.rounds == 4)
        #expect(!estimate.intervalIsNominal95)
        let more = try #require(PairedSpeedup(baselineWallSeconds: one.merging([5: 2.0]) { $1 },
                                              wallSeconds: many.merging([5: 1.0]) { $1 }))
        #expect(more.intervalIsNominal95)
    }

    @Test func roundsMissingOrFailedOnEitherSideAreSkipped() throws {
        let one = [1: 4.0, 2: 4.0, 3: 4.0, 4: 0, 5: .nan, 7: 4.0]
        let many = [1: 2.0, 2: 2.0, 3: .infinity, 4: 2.0, 5: 2.0, 6: 2.0, 7: 2.0]
        let estimate = try #require(PairedSpeedup(baselineWallSeconds: one, wallSeconds: many))
        #expect(estimate.rounds == 3)  // rounds 1, 2 and 7
        #expect(estimate.paired.speedup == 2)
        #expect(PairedSpeedup(baselineWallSeconds: [1: 1], wallSeconds: [2: 1]) == nil)
        #expect(PairedSpeedup(baselineWallSeconds: [:], wallSeconds: [:]) == nil)
    }

    @Test func weakScalingMultipliesByTheScale() throws {
        let estimate = try #require(PairedSpeedup(baselineWallSeconds: [1: 1, 2: 1], wallSeconds: [1: 1.25, 2: 1.25],
                                                  scale: 4))
        #expect(estimate.paired.speedup == 3.2)
        #expect(estimate.unpaired.speedup == 3.2)
        #expect(PairedSpeedup(baselineWallSeconds: [1: 1], wallSeconds: [1: 1], scale: 0) == nil)
    }

    @Test func sameRoundsGiveTheSameInterval() {
        let drift = (0..<7).map { 1.0 + 0.1 * Double($0) }
        let (one, many) = Self.rounds(drift, ratio: 1.5, noise: 0.05)
        #expect(PairedSpeedup(baselineWallSeconds: one, wallSeconds: many)
            == PairedSpeedup(baselineWallSeconds: one, wallSeconds: many))
    }
}
