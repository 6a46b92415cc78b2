import Testing
@testable import ThreadBenchStatistics
@testable import ThreadBenchModel
@testable import ThreadBenchMeasurement
@testable import ThreadBenchAnalysis
@testable import ThreadBenchStorage
@testable import ThreadBenchOutput

/// Reference values from SciPy 1.17.1 (`scipy.stats.t.ppf(0.975, df)`, `t.cdf(-2.5, df)`), kept as literals.
@Suite struct StudentTTests {
    static let references: [(df: Double, q975: Double, cdfMinus2p5: Double)] = [
        (1, 12.706204736174694, 0.12111894159084341),
        (4, 2.7764451051977934, 0.03338327240599407),
        (7.5, 2.333039626864974, 0.019410129136812764),
        (9, 2.262157162798205, 0.016930913841492867),
        (30, 2.0422724563012378, 0.009057824534033344),
        (1000, 1.9623390808264083, 0.0062892839005454036),
    ]

    @Test func quantilesAndCDFMatchSciPy() {
        for reference in Self.references {
            #expect(abs(StudentT.quantile(0.975, df: reference.df) - reference.q975) < 1e-9)
            #expect(abs(StudentT.quantile(0.025, df: reference.df) + reference.q975) < 1e-9)
            #expect(abs(StudentT.cdf(-2.5, df: reference.df) - reference.cdfMinus2p5) < 1e-12)
            #expect(abs(StudentT.twoSidedP(2.5, df: reference.df) - 2 * reference.cdfMinus2p5) < 1e-12)
        }
    }

    @Test func edgesAreNaNOrExact() {
        #expect(StudentT.quantile(0.5, df: 3) == 0)
        #expect(StudentT.quantile(1, df: 3).isNaN)
        #expect(StudentT.quantile(0.9, df: 0).isNaN)
        #expect(StudentT.cdf(.infinity, df: 2) == 1)
        #expect(StudentT.cdf(0, df: 2) == 0.5)
    }

    @Test func logIntervalIsSymmetricOnTheLogScale() throws {
        let interval = try #require(LogInterval([1.0, 1.1, 0.9, 1.05, 0.95]))
        #expect(abs(interval.estimate * interval.estimate - interval.low * interval.high) < 1e-12)
        #expect(interval.low < interval.estimate && interval.estimate < interval.high)
        #expect(interval.count == 5)
        #expect(LogInterval([0, -1, .nan]) == nil)
        let single = try #require(LogInterval([2.0]))
        #expect(single.relativeHalfWidth == .infinity)
    }

    @Test func roundsNeededGrowsWithTheSpread() {
        let tight = LogInterval.roundsNeeded(logStandardDeviation: 0.005, precision: 0.03, minimum: 5, maximum: 100)
        let loose = LogInterval.roundsNeeded(logStandardDeviation: 0.05, precision: 0.03, minimum: 5, maximum: 100)
        #expect(tight == 5)
        #expect((loose ?? 0) > 5)
        #expect(LogInterval.roundsNeeded(logStandardDeviation: 1, precision: 0.03, minimum: 5, maximum: 100) == nil)
    }
}
