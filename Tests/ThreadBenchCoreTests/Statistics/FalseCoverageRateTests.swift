import Foundation
import Testing
@testable import ThreadBenchStatistics
@testable import ThreadBenchModel
@testable import ThreadBenchMeasurement
@testable import ThreadBenchAnalysis
@testable import ThreadBenchStorage
@testable import ThreadBenchOutput

@Suite struct FalseCoverageRateTests {
    @Test func benjaminiHochbergCountsTheLargestPassingRank() {
        // m = 5, q = 0.05: thresholds 0.01, 0.02, 0.03, 0.04, 0.05; p(3) = 0.025 passes, p(4) = 0.2 does not.
        #expect(FalseCoverageRate.selectedCount([0.2, 0.001, 0.025, 0.9, 0.015], q: 0.05) == 3)
        // Step-up: p(1) = 0.012 fails its own threshold 0.01 but p(2) = 0.019 passes 0.02, so both count.
        #expect(FalseCoverageRate.selectedCount([0.012, 0.019, 0.5, 0.6, 0.7], q: 0.05) == 2)
        #expect(FalseCoverageRate.selectedCount([0.5, 0.6], q: 0.05) == 0)
        #expect(FalseCoverageRate.selectedCount([.nan, 0.01], q: 0.05) == 1)  // NaN is not a row
        let expected: Double = 1 - 3 * 0.05 / 5
        #expect(FalseCoverageRate.level(selected: 3, of: 5, q: 0.05) == expected)
    }

    @Test func everyRowGetsOneLevelAndUndecidedRowsStayUndecided() {
        // One clearly slower row among quiet ones: R = 1, so every row's level is 1 - q / m.
        let q = 0.05
        let quiet = WelchLogRatio(logEstimate: 0.02, standardError: 0.05, degreesOfFreedom: 8, baselineCount: 5,
                                  otherCount: 5)
        let slow = WelchLogRatio(logEstimate: log(1.5), standardError: 0.02, degreesOfFreedom: 8, baselineCount: 5,
                                 otherCount: 5)
        let tests: [(any LogShiftTest)?] = [slow, quiet, quiet, quiet, nil]
        let judged = RatioJudgement.judge(tests, settings: .standard)
        #expect(judged[4] == nil)
        let levels = Set(judged.compactMap { $0?.level })
        #expect(levels == [1 - q / 4])
        #expect(judged[0]?.position == .above)
        #expect(judged[1]?.position == .across)
        // The quiet rows' interval reaches 1 (they were not selected), and their resolvable change
        // is the band edge plus their half-width.
        let interval = quiet.logInterval(level: 1 - q / 4)
        #expect(interval.low < 0 && interval.high > 0)
        let half: Double = (interval.high - interval.low) / 2
        let resolvable: Double = (exp(log(1.05) + half) - 1) * 100
        let reported: Double = judged[1]?.resolvablePercent ?? 0
        #expect(abs(reported - resolvable) < 1e-9)
    }

    @Test func bandPositionsFollowTheThreshold() {
        #expect(BandPosition.classify(low: 1.06, high: 1.3, threshold: 0.05) == .above)
        #expect(BandPosition.classify(low: 0.5, high: 0.95, threshold: 0.05) == .below)
        #expect(BandPosition.classify(low: 1 / 1.05, high: 1.05, threshold: 0.05) == .inside)
        #expect(BandPosition.classify(low: 0.99, high: 1.06, threshold: 0.05) == .across)
        #expect(BandPosition.classify(low: .nan, high: 1, threshold: 0.05) == .across)
    }

    @Test func theIntervalDecidesExactlyWhenItsLevelReachesTheDecisivenessP() {
        let welch = WelchLogRatio(logEstimate: 0.12, standardError: 0.03, degreesOfFreedom: 7.3, baselineCount: 5,
                                  otherCount: 5)
        let p = welch.decisivenessP(threshold: 0.05)
        let edge: Double = log(1.05)
        let narrower = welch.logInterval(level: 1 - p * 1.001), wider = welch.logInterval(level: 1 - p * 0.999)
        #expect(narrower.low > edge)
        #expect(wider.low < edge)
    }
}
