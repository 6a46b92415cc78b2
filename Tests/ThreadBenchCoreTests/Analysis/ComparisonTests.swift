import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchStatistics
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

@Suite struct ComparisonTests {
    /// Two-sided p-values of the U test on the fixtures' wall_s repetitions, machine-a.csv (or
    /// machine-e-10reps.csv) against the file named, computed once with SciPy 1.17.1:
    ///
    ///     scipy.stats.mannwhitneyu(a_walls, b_walls, alternative="two-sided", method="auto",
    ///                              use_continuity=True)
    ///
    /// where a_walls and b_walls are the wall_s column of one workload x runtime x threads, in file
    /// order. With 5 or 3 repetitions and no ties SciPy uses the exact distribution; with 10 a side
    /// it uses the normal approximation with tie and continuity corrections.
    static let scipyReference: [(file: String, workload: String, runtime: String, threads: Int, u: Double, p: Double)] = [
        ("machine-b.csv", "math", "swift", 1, 6.0, 0.2222222222222222),
        ("machine-b.csv", "math", "swift", 2, 0.0, 0.007936507936507936),
        ("machine-b.csv", "math", "swift", 4, 0.0, 0.007936507936507936),
        ("machine-b.csv", "math", "swift-gil", 1, 11.0, 0.8412698412698413),
        ("machine-b.csv", "math", "swift-gil", 2, 16.0, 0.5476190476190477),
        ("machine-b.csv", "math", "swift-gil", 4, 20.0, 0.15079365079365079),
        ("machine-b.csv", "sleep", "swift", 1, 12.0, 1.0),
        ("machine-b.csv", "sleep", "swift", 2, 14.0, 0.8412698412698413),
        ("machine-b.csv", "sleep", "swift", 4, 11.0, 0.8412698412698413),
        ("machine-b.csv", "sleep", "swift-gil", 1, 17.0, 0.42063492063492064),
        ("machine-b.csv", "sleep", "swift-gil", 2, 25.0, 0.007936507936507936),
        ("machine-b.csv", "sleep", "swift-gil", 4, 7.0, 0.30952380952380953),
        ("machine-c.csv", "math", "swift", 1, 9.0, 0.7857142857142857),
        ("machine-c.csv", "math", "swift", 2, 9.0, 0.7857142857142857),
        ("machine-c.csv", "math", "swift-gil", 1, 6.0, 0.7857142857142857),
        ("machine-c.csv", "math", "swift-gil", 2, 12.0, 0.25),
        ("machine-c.csv", "sleep", "swift", 1, 3.0, 0.25),
        ("machine-c.csv", "sleep", "swift", 2, 13.0, 0.14285714285714285),
        ("machine-c.csv", "sleep", "swift-gil", 1, 10.0, 0.5714285714285714),
        ("machine-c.csv", "sleep", "swift-gil", 2, 15.0, 0.03571428571428571),
        ("machine-f-10reps.csv", "math", "swift", 1, 6.0, 0.0010079762403767444),
        ("machine-f-10reps.csv", "math", "swift", 2, 0.0, 0.00018267179110955002),
        ("machine-f-10reps.csv", "math", "swift-gil", 1, 1.0, 0.00024612812790522973),
        ("machine-f-10reps.csv", "math", "swift-gil", 2, 17.0, 0.014019277113959953),
        ("machine-f-10reps.csv", "sleep", "swift", 1, 30.0, 0.14046504815835495),
        ("machine-f-10reps.csv", "sleep", "swift", 2, 42.0, 0.5707503880581739),
        ("machine-f-10reps.csv", "sleep", "swift-gil", 1, 43.0, 0.6231762238821174),
        ("machine-f-10reps.csv", "sleep", "swift-gil", 2, 24.0, 0.053902557169387175),
    ]

    @Test func uPValuesOnFixturesMatchSciPy() throws {
        var checked = 0
        for other in ["machine-b.csv", "machine-c.csv", "machine-f-10reps.csv"] {
            let baseline = other == "machine-f-10reps.csv" ? "machine-e-10reps.csv" : "machine-a.csv"
            let report = try ComparisonReport(runs: [try Fixture.run(baseline), try Fixture.run(other)])
            for reference in Self.scipyReference where reference.file == other {
                let row = try #require(report.rows.first {
                    $0.key.workload == reference.workload && $0.key.runtime.rawValue == reference.runtime
                        && $0.key.threads == reference.threads
                })
                let test = try #require(MannWhitneyU.test(row.baselineWalls, row.otherWalls))
                #expect(test.u == reference.u, "\(reference)")
                #expect(abs(test.p - reference.p) < 1e-6, "\(reference): \(test.p)")
                #expect(test.method == (other == "machine-f-10reps.csv" ? .normal : .exact))
                let shifted = try #require(ShiftedMannWhitney(baseline: row.baselineWalls, other: row.otherWalls))
                #expect(abs(shifted.pValue - reference.p) < 1e-6, "\(reference)")
                checked += 1
            }
            #expect(report.rows.count == Self.scipyReference.filter { $0.file == other }.count)
        }
        #expect(checked == Self.scipyReference.count)
    }

    @Test func verdictsFollowWhereTheAdjustedIntervalLies() throws {
        let report = try ComparisonReport(runs: [try Fixture.run("machine-e-10reps.csv"),
                                                 try Fixture.run("machine-f-10reps.csv")])
        let level = try #require(report.rows.first?.judgement?.level)
        #expect(report.rows.allSatisfy { $0.judgement?.level == level })
        for row in report.rows {
            let judgement = try #require(row.judgement)
            let expected = ComparisonVerdict(BandPosition.classify(low: judgement.low, high: judgement.high,
                                                                   threshold: 0.05))
            #expect(row.verdict == expected, "\(row.key)")
        }
        // The four math rows are 35-105% slower: every one is called so at 10 rounds a side.
        #expect(report.rows.filter { $0.key.workload == "math" }.allSatisfy { $0.verdict == .slower })
        #expect(report.rows.filter { $0.key.workload == "sleep" }.allSatisfy { $0.verdict != .slower })
        #expect(report.regressions(beyondPercent: 60).map(\.key.description) == ["math|swift|strong|2"])
        #expect(report.regressions(beyondPercent: 110).isEmpty)
    }

    @Test func fiveRoundsASideCanDecide() throws {
        // The U test with Holm could not call any of these 12 rows at 5 rounds a side; Welch can.
        let report = try ComparisonReport(runs: [try Fixture.run("machine-a.csv"), try Fixture.run("machine-b.csv")])
        #expect(report.rows.count == 12)
        let math2 = try #require(report.rows.first { $0.key.workload == "math" && $0.key.runtime == .swift
            && $0.key.threads == 2 })
        #expect(math2.verdict == .slower)
        #expect(report.rows.filter { $0.verdict == .slower }.count == 2)  // math under swift at 2 and 4 threads
        #expect(report.rows.allSatisfy { $0.verdict != .faster })
        let strict = try ComparisonReport(runs: report.runs, settings: ComparisonSettings(
            test: .mannWhitney, correction: .holm, alpha: 0.05, threshold: 0.05))
        #expect(strict.rows.allSatisfy { $0.verdict == .cantTell })  // 2/252 times 12 rows is above 0.05
    }

    @Test func threeRoundsStillGiveAnInterval() throws {
        let c = try Fixture.run("machine-c.csv")
        let report = try ComparisonReport(runs: [c, c])
        #expect(report.rows.allSatisfy { abs($0.ratio - 1) < 1e-12 && $0.judgement != nil && $0.verdict != .slower })
    }

    @Test func failedBatchesAreLeftOutOfTheComparison() throws {
        let e = try Fixture.run("machine-e-10reps.csv")
        var f = try Fixture.run("machine-f-10reps.csv")
        let clean = try ComparisonReport(runs: [e, f])
        // A failed batch with a wall 100 times the others' changes nothing, and is said.
        var failed = f.records[0]
        failed.wallSeconds *= 100
        failed.errors = 2
        failed.timedOut = 2
        f.records.append(failed)
        let report = try ComparisonReport(runs: [e, f])
        #expect(report.rows.map(\.otherMeanSeconds) == clean.rows.map(\.otherMeanSeconds))
        #expect(report.rows.map(\.judgement?.p) == clean.rows.map(\.judgement?.p))
        #expect(report.warnings.map(\.text).contains { $0.contains("1 failed or timed-out batches are left out") })
    }

    @Test func speedupCurvesAreComparedSideBySide() throws {
        let report = try ComparisonReport(runs: [try Fixture.run("machine-a.csv"), try Fixture.run("machine-c.csv")])
        let math = try #require(report.curves.first { $0.workload == "math" && $0.runtime == "swift" })
        #expect(math.threads == [1, 2, 4])
        #expect(math.speedups[0].allSatisfy { $0 != nil })
        #expect(math.speedups[1][2] == nil)  // machine-c measured up to 2 threads
        #expect(math.speedups[1][0] == 1)
        #expect(report.warnings.map(\.text).contains { $0.contains("4 rows only in machine-a") })
    }

    @Test func warnsWhenTheRunsRanDifferentTaskCounts() throws {
        let a = try Fixture.run("machine-a.csv")
        var b = a
        b.records = a.records.filter { $0.threads < 4 || $0.workload == "sleep" }.map { record in
            var doubled = record
            if record.workload == "math" { doubled.tasks *= 2 }
            return doubled
        }
        let report = try ComparisonReport(runs: [a, b])
        let tasks = try #require(a.records.first { $0.workload == "math" }).tasks
        let warning = try #require(report.warnings.map(\.text).first { $0.contains("different number of tasks") })
        #expect(warning == "machine-a ran a different number of tasks than machine-a for math at 1 threads "
            + "(\(tasks) vs \(2 * tasks)), math at 2 threads (\(tasks) vs \(2 * tasks)), math at 1 threads "
            + "(\(tasks) vs \(2 * tasks)), ...; their wall times measure different work (compare quick runs with quick runs)")
        #expect(report.warnings.map(\.text).contains("2 rows only in machine-a and 0 only in machine-a are not compared"))
        #expect(report.rows.count == a.records.orderedGroups(by: BatchKey.init).count - 2)
        #expect(report.rows.allSatisfy { $0.otherIndex == 1 })
    }

    @Test func runsWithNothingInCommonAreRefused() throws {
        #expect(throws: ComparisonError.nothingInCommon(baseline: Fixture.path("machine-a.csv"),
                                                         other: Fixture.path("machine-d-primes.csv"))) {
            try ComparisonReport(runs: [try Fixture.run("machine-a.csv"), try Fixture.run("machine-d-primes.csv")])
        }
        #expect(throws: ComparisonError.tooFewRuns) { try ComparisonReport(runs: [try Fixture.run("machine-a.csv")]) }
    }

    @Test func badFixturesGiveOneLineEach() {
        let expectations: [(String, String)] = [
            ("empty.csv", "empty file"),
            ("notes.csv", "not a CSV file"),
            ("foreign.csv", "not a ThreadBench CSV"),
            ("missing-columns.csv", "missing 2 columns: threads, wall_s"),
            ("schema-v9.csv", "schema-v9.csv:4: schema_version '9'"),
            ("header-only.csv", "a header but no data rows"),
            ("non-numeric.csv", "non-numeric.csv:7: column wall_s: '12.3ms' is not a number"),
            ("machine-a-summary.csv", "this is a ThreadBench summary file"),
        ]
        for (name, expected) in expectations {
            do {
                _ = try Fixture.run(name)
                Issue.record("\(name) was accepted")
            } catch {
                let text = "\(error)"
                #expect(text.contains(expected), "\(name): \(text)")
                #expect(!text.contains("\n"))
            }
        }
    }

    @Test func reportersWriteEveryFormat() throws {
        let report = try ComparisonReport(runs: [try Fixture.run("machine-a.csv"), try Fixture.run("machine-b.csv")])
        let table = ComparisonTableReporter(markdown: false).render(report)
        #expect(table.contains("machine-b against machine-a"))
        #expect(table.contains("Welch's t on log walls, false-coverage-rate intervals at q 0.05"))
        #expect(table.contains("over 12 rows), threshold 5%"))
        #expect(table.contains("Threading: machine-b against machine-a"))
        #expect(table.contains("AMD EPYC"))
        let markdown = ComparisonTableReporter(markdown: true).render(report)
        #expect(markdown.contains("| workload"))
        #expect(markdown.contains("### Machines"))
        let csv = String(decoding: try ComparisonCSVReporter().render(report), as: UTF8.self)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + report.rows.count)
        #expect(lines[0] == Substring(ComparisonCSVReporter.columns.joined(separator: ",")))
        #expect(lines[1].contains(",welch,fcr,0.05,0.05,"))
    }

    @Test func comparisonChartHasALinePerRuntimeAndMachine() throws {
        let report = try ComparisonReport(runs: [try Fixture.run("machine-a.csv"), try Fixture.run("machine-b.csv")])
        let charts = SpeedupChart.charts(report)
        #expect(charts.count == 2)
        let (ok, inspector) = SVGInspector.inspect(SVGChartReporter().render(charts))
        #expect(ok)
        #expect(inspector.count("polyline", class: "series") == 8)  // 2 workloads x 2 runtimes x 2 machines
        #expect(inspector.count("line", class: "cores") == 4)
    }
}
