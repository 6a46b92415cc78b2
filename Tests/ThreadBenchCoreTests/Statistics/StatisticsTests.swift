import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchStatistics

@Suite struct StatisticsTests {
    @Test func medianOddAndEven() {
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([]) == 0)
    }

    @Test func percentileInterpolatesLinearly() {
        // Type 7: rank = p/100 * (n-1); for [1,2,3,4] p25 -> rank 0.75 -> 1.75.
        #expect(Statistics.percentile([4, 3, 2, 1], 25) == 1.75)
        #expect(Statistics.percentile([10, 20], 99) == 19.9)
        #expect(Statistics.percentile([5], 99) == 5)
    }

    @Test func sampleStandardDeviation() {
        // Worked by hand: mean 5, squared deviations sum 32, 32 / 7 = 4.5714..., sqrt = 2.13809
        let sd = Statistics.standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(abs(sd - 2.138089935) < 1e-9)
        #expect(Statistics.standardDeviation([1]) == 0)
        #expect(Statistics.mean([1, 2, 3, 6]) == 3)
    }

    @Test func summaryComputesSpeedupEfficiencyAndKarpFlatt() {
        func record(_ threads: Int, _ wall: Double, _ rep: Int) -> BatchRecord {
            var r = BatchRecord(workload: "w", kind: .cpu, runtime: "swift", runtimeVersion: "swift-6",
                                switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8, repetition: rep)
            r.wallSeconds = wall
            return r
        }
        let records = [record(1, 1.0, 1), record(1, 1.0, 2), record(4, 0.4, 1), record(4, 0.4, 2)]
        let rows = Summarizer.summarize(records, usableCPUs: 8)
        #expect(rows.count == 2)
        let four = rows[1]
        #expect(abs(four.speedup - 2.5) < 1e-12)
        #expect(abs(four.efficiency - 0.625) < 1e-12)
        // Karp-Flatt by hand: (1/2.5 - 1/4) / (1 - 1/4) = 0.15 / 0.75 = 0.2
        #expect(abs(four.karpFlatt! - 0.2) < 1e-12)
        #expect(four.idealSpeedup == 4)
        #expect(four.verdict == .helps)
        #expect(rows[0].verdict == .baseline)
        #expect(rows[0].karpFlatt == nil)
    }

    @Test func verdictUsesTheInterval() {
        #expect(Verdict.classify(ciLow: 1.2, ciHigh: 1.4) == .helps)
        #expect(Verdict.classify(ciLow: 0.97, ciHigh: 1.3) == .inconclusive)
        #expect(Verdict.classify(ciLow: 0.97, ciHigh: 1.03) == .noGain)
        #expect(Verdict.classify(ciLow: 0.5, ciHigh: 0.9) == .hurts)
    }

    @Test func weakScalingSpeedupIsScaled() {
        func record(_ threads: Int, _ wall: Double) -> BatchRecord {
            var r = BatchRecord(workload: "w", kind: .io, runtime: "swift", runtimeVersion: "swift-6",
                                switchIntervalMs: 5, scaling: .weak, threads: threads, tasks: threads, repetition: 1)
            r.wallSeconds = wall
            return r
        }
        let rows = Summarizer.summarize([record(1, 1.0), record(4, 1.0)], usableCPUs: 2)
        #expect(rows[1].speedup == 4)
    }
}
