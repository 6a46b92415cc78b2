import Foundation
import Testing
@testable import ThreadBenchStatistics
@testable import ThreadBenchModel
@testable import ThreadBenchMeasurement
@testable import ThreadBenchAnalysis
@testable import ThreadBenchStorage
@testable import ThreadBenchOutput

@Suite struct WelchLogRatioTests {
    /// Welch's t on the log walls of machine-e-10reps.csv against machine-f-10reps.csv, from SciPy 1.17.1:
    ///
    ///     t = scipy.stats.ttest_ind(log(f_walls), log(e_walls), equal_var=False)
    ///     t.pvalue, t.df, exp(mean log f - mean log e), exp(t.confidence_interval(0.99))
    static let reference: [(workload: String, runtime: String, threads: Int, p: Double, df: Double,
                                 ratio: Double, low: Double, high: Double)] = [
        ("math", "swift", 1, 0.0003854679433823378, 9.056270196344826, 1.437797288075363, 1.159303046663022,
         1.7831929688681),
        ("math", "swift", 2, 9.519639041035359e-09, 9.09157124214292, 2.054862662048682, 1.824072165330947,
         2.3148538967567123),
        ("math", "swift-gil", 1, 0.0008314119459023005, 9.197124270815516, 1.3459645992989306, 1.1050200882509356,
         1.6394459447641603),
        ("math", "swift-gil", 2, 0.0015299351456653943, 9.423496541186596, 1.4820047230664355, 1.1122560164615714,
         1.9746694705940535),
        ("sleep", "swift", 1, 0.2563117672715792, 17.984497437698057, 1.0114917688611922, 0.9835088666684215,
         1.0402708436576553),
        ("sleep", "swift", 2, 0.3108929267519283, 12.096530999739112, 1.0143809527310743, 0.9734587279851495,
         1.0570234645626384),
        ("sleep", "swift-gil", 1, 0.2183027531520159, 11.892259752062312, 1.0257812115677556, 0.9661241270955613,
         1.0891220542941007),
        ("sleep", "swift-gil", 2, 0.0474909464718002, 17.18517412441426, 1.0273142199066454, 0.9904529813604174,
         1.0655473064181302),
    ]

    @Test func welchOnLogWallsMatchesSciPy() throws {
        let report = try ComparisonReport(runs: [try Fixture.run("machine-e-10reps.csv"),
                                                 try Fixture.run("machine-f-10reps.csv")])
        #expect(report.rows.count == Self.reference.count)
        for reference in Self.reference {
            let row = try #require(report.rows.first {
                $0.key.workload == reference.workload && $0.key.runtime.rawValue == reference.runtime
                    && $0.key.threads == reference.threads
            })
            let welch = try #require(WelchLogRatio(baseline: row.baselineWalls, other: row.otherWalls))
            #expect(abs(welch.pValue - reference.p) < 1e-9 + 1e-6 * reference.p, "\(reference)")
            #expect(abs(welch.degreesOfFreedom - reference.df) < 1e-9, "\(reference)")
            #expect(abs(row.ratio - reference.ratio) < 1e-12, "\(reference)")
            let interval = welch.logInterval(level: 0.99)
            #expect(abs(exp(interval.low) - reference.low) < 1e-9, "\(reference)")
            #expect(abs(exp(interval.high) - reference.high) < 1e-9, "\(reference)")
        }
    }

    @Test func noSpreadGivesThePointAndFewerThanTwoValuesGiveNoTest() throws {
        let flat = try #require(WelchLogRatio(baseline: [2, 2, 2], other: [3, 3]))
        let interval = flat.logInterval(level: 0.95)
        #expect(interval.low == interval.high && abs(interval.low - log(1.5)) < 1e-12)
        #expect(flat.pValue == 0)
        #expect(WelchLogRatio(baseline: [1], other: [1, 2]) == nil)
        #expect(WelchLogRatio(baseline: [1, -1, .nan], other: [1, 2]) == nil)
    }
}
