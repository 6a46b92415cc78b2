import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStatistics

/// Large inputs the reliability work made bounded: intervals of thousands of repetitions
/// (a 100,000-row CSV), and text from files written back neutralised.
@Suite struct LargeSampleTests {
    @Test func intervalsOfHundredThousandValuesAreExactAndLinear() throws {
        var rng = SplitMix64(seed: 9)
        let values = (0..<100_000).map { _ in 1 + Double(rng.next() >> 11) / 9_007_199_254_740_992 }
        let interval = try #require(LogInterval(values))
        #expect(interval.count == 100_000)
        #expect(interval.low < interval.estimate && interval.estimate < interval.high)
        #expect(interval.relativeHalfWidth < 0.01)
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
