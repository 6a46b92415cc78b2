import CSV
import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchSession
@testable import ThreadBenchStorage

/// The summary's honesty rules: four verdicts, failed batches out of the figures, Karp-Flatt
/// only where it is a serial fraction, the ideal from the usable CPUs, errors counted once.
@Suite struct HonestSummaryTests {
    /// `reps` batches of one workload, runtime and thread count, each with the wall given.
    static func records(_ threads: Int, _ walls: [Double], kind: WorkloadKind = .cpu, runtime: Runtime = .swift,
                        workload: String = "math") -> [BatchRecord] {
        walls.enumerated().map { index, wall in
            var r = BatchRecord(workload: workload, kind: kind, runtime: runtime, runtimeVersion: "swift-6.3",
                                switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8, repetition: index + 1)
            r.wallSeconds = wall
            return r
        }
    }

    static let five = [1.0, 1.01, 0.99, 1.02, 0.98]

    @Test func theVerdictRuleOnConstructedIntervals() {
        #expect(Verdict.classify(ciLow: 1.06, ciHigh: 1.3) == .helps)
        #expect(Verdict.classify(ciLow: 0.7, ciHigh: 0.94) == .hurts)
        #expect(Verdict.classify(ciLow: 0.96, ciHigh: 1.04) == .noGain)
        #expect(Verdict.classify(ciLow: 0.95, ciHigh: 1.05) == .noGain)
        // The two cases that both read no-gain before: a likely gain and a likely loss.
        #expect(Verdict.classify(ciLow: 0.96, ciHigh: 1.84) == .inconclusive)
        #expect(Verdict.classify(ciLow: 0.70, ciHigh: 1.06) == .inconclusive)
        #expect(Verdict.classify(ciLow: 1.05, ciHigh: 1.2) == .inconclusive)
        #expect(Verdict.classify(ciLow: .nan, ciHigh: 1.2) == .inconclusive)
    }

    @Test func failedBatchesStayOutOfTheFiguresAndAreCounted() throws {
        var failed = Self.records(2, [600])[0]
        failed.errors = 2
        failed.timedOut = 2
        failed.repetition = 6
        var failedBaseline = Self.records(1, [0.001])[0]
        failedBaseline.errors = 1
        let records = Self.records(1, Self.five) + [failedBaseline] + Self.records(2, Self.five.map { $0 / 2 }) + [failed]
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        #expect(rows[0].repetitions == 5 && rows[0].failedBatches == 1)
        #expect(rows[0].wallMedianSeconds == 1.0)
        #expect(rows[1].repetitions == 5 && rows[1].failedBatches == 1)
        #expect(rows[1].wallMedianSeconds == 0.5 && rows[1].wallMaxSeconds == 0.51)
        #expect(abs(rows[1].speedup - 2) < 1e-12)
        #expect(rows[1].verdict == .helps)
        #expect(rows[1].errors == 2 && rows[1].timedOut == 2)
        #expect(rows[1].notes.contains(.batchesLeftOut(failed: 1, batches: 6)))
        let flags = RunAnalysis.wallOutlierFlags(records)
        #expect(flags[5] == false && flags[11] == false)
    }

    @Test func aCellWithNoSuccessfulBatchHasEmptyFiguresAndVerdictFailed() throws {
        let bad = Self.records(4, [30, 30]).map { r -> BatchRecord in
            var r = r
            r.errors = 4
            r.timedOut = 4
            return r
        }
        let rows = Summarizer.summarize(Self.records(1, Self.five) + bad, usableCPUs: 2)
        #expect(rows[1].verdict == .failed && rows[1].repetitions == 0 && rows[1].failedBatches == 2)
        #expect(rows[1].errors == 8)
        let metadata = RunMetadata(hostLabel: "t", machine: CSVReporterTests.machine, spawnJoinFloorMicros: 40)
        let csv = String(decoding: try CSVReporter(metadata: metadata).summary(rows, complete: true), as: UTF8.self)
        let header = CSVSchema.summaryColumns
        let cells = try #require(try CSVReader.cells(csv).last)
        for column in ["wall_median_s", "speedup", "speedup_ci95_low", "efficiency", "ideal_speedup"] {
            #expect(cells[header.firstIndex(of: column)!] == "", "\(column)")
        }
        #expect(cells[header.firstIndex(of: "verdict")!] == "failed")
        #expect(cells[header.firstIndex(of: "failed_batches")!] == "2")
        #expect(cells[header.firstIndex(of: "notes")!] == "all 2 batches failed or timed out")
        let table = TableReporter().render(rows)
        #expect(table.contains("failed"))
        #expect(!table.contains("0.00x"))
        let models = ScalingModel.fits(rows, usableCPUs: 2)
        #expect(models[0].points.map(\.threads) == [1])
    }

    @Test func noOneThreadRowIsInconclusiveNotHurts() {
        let rows = Summarizer.summarize(Self.records(2, Self.five) + Self.records(4, Self.five), usableCPUs: 2)
        #expect(rows.allSatisfy { $0.verdict == .inconclusive })
        #expect(rows[0].notes.contains(.noBaseline))
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("cannot be judged under swift (no successful 1-thread batch"), "\(line)")
    }

    @Test func threeRoundsGiveAnIntervalAndOneGivesNone() {
        let clear = Summarizer.summarize(Self.records(1, [1.0, 1.01, 0.99]) + Self.records(2, [0.5, 0.51, 0.49]),
                                         usableCPUs: 2)
        #expect(clear[1].verdict == .helps && clear[1].intervalIsNominal95)
        // 1.0 / 0.6 = 1.67x at the median, but the range reaches 0.99 / 1.1 = 0.9x.
        let overlapping = Summarizer.summarize(Self.records(1, [1.0, 1.01, 0.99]) + Self.records(2, [0.6, 1.1, 0.55]),
                                               usableCPUs: 2)
        #expect(overlapping[1].verdict == .inconclusive)
        let single = Summarizer.summarize(Self.records(1, [1.0]) + Self.records(2, [0.5]), usableCPUs: 2)
        #expect(single[1].verdict == .inconclusive)
        let table = TableReporter().render(single)
        #expect(table.contains("*"))
        #expect(table.contains("fewer than 2 measured rounds: no interval"))
        let five = Summarizer.summarize(Self.records(1, Self.five) + Self.records(2, Self.five.map { $0 / 2 }), usableCPUs: 2)
        #expect(five[1].intervalIsNominal95 && !TableReporter().render(five).contains("*"))
    }

    @Test func karpFlattOnlyWhereItIsASerialFraction() throws {
        let base = Self.records(1, Self.five)
        // S(2) = 1.6: e = (1/1.6 - 1/2) / (1 - 1/2) = 0.25.
        let plain = Summarizer.summarize(base + Self.records(2, Self.five.map { $0 / 1.6 }), usableCPUs: 2)
        #expect(abs(try #require(plain[1].karpFlatt) - 0.25) < 1e-9)
        let superlinear = Summarizer.summarize(base + Self.records(2, Self.five.map { $0 / 2.5 }), usableCPUs: 2)
        #expect(superlinear[1].karpFlatt == nil)
        #expect(superlinear[1].notes.contains(.superlinear(threads: 2)))
        let pastCPUs = Summarizer.summarize(base + Self.records(4, Self.five.map { $0 / 2 }), usableCPUs: 2)
        #expect(pastCPUs[1].karpFlatt == nil)
        #expect(pastCPUs[1].notes.first == .pastUsableCPUs(2))
        let gil = Summarizer.summarize(Self.records(1, Self.five, runtime: .swiftGIL)
            + Self.records(4, Self.five, runtime: .swiftGIL), usableCPUs: 2)
        #expect(abs(try #require(gil[1].karpFlatt) - 1) < 1e-9)
        let io = Summarizer.summarize(Self.records(1, Self.five, kind: .io) + Self.records(4, Self.five.map { $0 / 4 }, kind: .io),
                                      usableCPUs: 2)
        #expect(abs(try #require(io[1].karpFlatt)) < 1e-9)
    }

    @Test func theIdealComesFromTheUsableCPUs() {
        let cpu = Summarizer.summarize(Self.records(1, Self.five) + Self.records(4, Self.five), usableCPUs: 1)
        #expect(cpu[1].idealSpeedup == 1)
        let io = Summarizer.summarize(Self.records(1, Self.five, kind: .io) + Self.records(4, Self.five, kind: .io),
                                      usableCPUs: 1)
        #expect(io[1].idealSpeedup == 4)
        let roomy = Summarizer.summarize(Self.records(1, Self.five) + Self.records(4, Self.five), usableCPUs: 8)
        #expect(roomy[1].idealSpeedup == 4)
    }

    @Test func errorsAreCountedOnceInTheTableAndTheFindings() {
        // A killed 8-thread driver: errors 8 (which count the timeouts), timed_out 8.
        var killed = Self.records(8, [600], runtime: .cpython)[0]
        killed.errors = 8
        killed.timedOut = 8
        let rows = Summarizer.summarize(Self.records(1, Self.five, runtime: .cpython)
            + Self.records(8, Self.five, runtime: .cpython) + [killed], usableCPUs: 2)
        let table = TableReporter().render(rows)
        #expect(!table.contains("16"), "\(table)")
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("8 errors or timeouts in 1 failed batches"), "\(line)")
    }

    @Test func mixedWorkloadsGetNoSpeedupVerdict() {
        let rows = Summarizer.summarize(Self.records(1, Self.five, kind: .mixed, runtime: .swiftGIL, workload: "convoy")
            + Self.records(4, Self.five.map { $0 * 2 }, kind: .mixed, runtime: .swiftGIL, workload: "convoy"), usableCPUs: 2)
        #expect(rows[1].verdict == .notApplicable)
        let table = TableReporter().render(rows)
        #expect(table.contains("n/a") && !table.contains("hurts"))
    }

    @Test func anInterruptionBeforeAnyBatchNamesNoFile() {
        let none = RunSessionError.interrupted(keptBatches: 0, rawPath: "results/x.csv").description
        #expect(none == "interrupted before any batch finished; no results written")
        let some = RunSessionError.interrupted(keptBatches: 3, rawPath: "results/x.csv").description
        #expect(some.contains("3 finished batches kept in results/x.csv"))
    }
}

