import Foundation
import Testing
@testable import ThreadBenchMeasurement
import ThreadBenchStatistics

/// The A/A probe's arithmetic: the spread of pairs and the differences it resolves.
@Suite struct ResolvableDifferenceTests {
    @Test func twoRunsNeedSqrt2MoreThanOneCellsHalfWidth() throws {
        let figures = ResolvableDifference.figures(logSD: 0.1, rounds: [5, 10, 20])
        #expect(figures.map(\.rounds) == [5, 10, 20])
        let ten = figures[1]
        let t = StudentT.quantile(0.975, df: 9)
        #expect(abs(t - 2.262) < 0.001)
        #expect(abs(ten.betweenRuns - (exp(t * 0.1 * (0.2).squareRoot()) - 1)) < 1e-12)
        #expect(abs(ten.withinCell - (exp(t * 0.1 / (10.0).squareRoot()) - 1)) < 1e-12)
        #expect(figures[0].betweenRuns > figures[1].betweenRuns && figures[1].betweenRuns > figures[2].betweenRuns)
    }

    @Test func theLogSDIsThatOfThePairRatios() throws {
        let pairs = [(1.0, 1.0), (1.1, 1.0), (1.0, 1.1), (1.05, 1.0)]
        let sd = try #require(ResolvableDifference.logSD(pairs: pairs))
        #expect(abs(sd - Statistics.standardDeviation(pairs.map { log($0.0 / $0.1) })) < 1e-15)
        #expect(ResolvableDifference.logSD(pairs: [(1, 1), (1, 1)]) == nil)
        #expect(ResolvableDifference.logSD(pairs: [(1, 1), (1, 0), (1, 1)]) == nil)
    }

    @Test func aNoisyMachineWarnsAQuietOneIsOK() {
        let noisy = AAProbe.finding(pairs: [(1.0, 1.2), (1.2, 1.0), (1.0, 1.0), (1.1, 0.9), (0.9, 1.1)])
        #expect(noisy.state == .warning)
        #expect(noisy.values["resolvable_10_rounds"] != nil)
        let quiet = AAProbe.finding(pairs: [(1.0, 1.001), (1.001, 1.0), (1.0, 1.0), (1.0005, 1.0), (1.0, 1.0005)])
        #expect(quiet.state == .ok)
        #expect(AAProbe.finding(pairs: [(1, 1)]).state == .unknown)
    }

    @Test func theProbeTimesPositiveBatches() {
        let pairs = AAProbe.measure(seconds: 0, batchSeconds: 0.002)
        #expect(pairs.count == 5)
        #expect(pairs.allSatisfy { $0.0 > 0 && $0.1 > 0 })
    }
}
