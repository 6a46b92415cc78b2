import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStatistics

/// Large inputs the reliability work made bounded: bootstrap intervals of thousands of
/// repetitions (a 100,000-row CSV), and text from files written back neutralised.
@Suite struct LargeSampleTests {
    /// Brute-force bootstrap of the median, the method used below `largeSample`.
    static func bruteForceMedianCI(_ values: [Double], resamples: Int, seed: UInt64) -> (Double, Double) {
        var rng = SplitMix64(seed: seed)
        var medians: [Double] = []
        for _ in 0..<resamples {
            medians.append(Statistics.median((0..<values.count).map { _ in values[Int(rng.next() % UInt64(values.count))] }))
        }
        medians.sort()
        return (Statistics.percentile(sorted: medians, 2.5), Statistics.percentile(sorted: medians, 97.5))
    }

    @Test(arguments: [1001, 1000])
    func orderStatisticBootstrapAgreesWithResampling(_ n: Int) {
        var rng = SplitMix64(seed: 7)
        let values = (0..<n).map { _ in 1 + Double(rng.next() % 1_000_000) / 1e6 }
        let fast = Statistics.medianCI95(values)
        let slow = Self.bruteForceMedianCI(values, resamples: 2000, seed: 99)
        let sorted = values.sorted()
        // Both intervals are close around the median, a few order statistics apart at most.
        func rank(_ x: Double) -> Int { sorted.firstIndex { $0 >= x } ?? n }
        #expect(abs(rank(fast.low) - rank(slow.0)) <= n / 100 + 3, "\(fast) vs \(slow)")
        #expect(abs(rank(fast.high) - rank(slow.1)) <= n / 100 + 3, "\(fast) vs \(slow)")
        #expect(fast.low < Statistics.median(values) && Statistics.median(values) < fast.high)
        // Same seed, same interval.
        #expect(Statistics.medianCI95(values) == fast)
    }

    @Test func intervalsOfHundredThousandValuesAreFast() {
        var rng = SplitMix64(seed: 3)
        let a = (0..<100_000).map { _ in 2 + Double(rng.next() % 1000) / 1e4 }
        let b = (0..<100_000).map { _ in 1 + Double(rng.next() % 1000) / 1e4 }
        let started = Date()
        let ratio = Statistics.ratioOfMediansCI95(numerator: a, denominator: b)
        #expect(ratio.low > 1.9 && ratio.high < 2.1 && ratio.low <= ratio.high)
        // Brute force takes minutes in a debug build; the order-statistic draw well under one.
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func modelAndKeyCellsFromFilesAreNeutralised() throws {
        var record = BatchRecord(workload: "=cmd()", kind: .cpu, runtime: "+x", runtimeVersion: "@v",
                                 switchIntervalMs: 5, scaling: .strong, threads: 1, tasks: 4, repetition: 1)
        record.wallSeconds = 1
        var second = record
        second.threads = 2
        second.wallSeconds = 0.5
        let metadata = RunMetadata(hostLabel: "-label", machine: MachineInfo.current(), spawnJoinFloorMicros: 1)
        let reporter = CSVReporter(metadata: metadata)
        let raw = String(decoding: try reporter.raw([record, second], outlierFlags: nil, complete: true), as: UTF8.self)
        #expect(raw.contains(",'=cmd(),cpu,'+x,'@v,") && raw.contains(",'-label,"))
        let summary = Summarizer.summarize([record, second], usableCPUs: 2)
        let model = String(decoding: try reporter.model(ScalingModel.fits(summary), complete: true), as: UTF8.self)
        #expect(model.contains(",'=cmd(),cpu,'+x,'@v,"))
        #expect(!model.contains(",=") && !model.contains(",+x"))
    }

    @Test func printableTextHasNoControlCharacters() {
        #expect(CSVText.printable("a\nb\r\tc\u{1B}[31m\u{07}") == "a b  c?[31m?")
        #expect(CSVText.printable("plain, \"quoted\"") == "plain, \"quoted\"")
    }
}
