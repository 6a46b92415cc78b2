import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStatistics

@Suite struct OutlierDetectionTests {
    @Test func flagsAFarValueByModifiedZScore() {
        // median 1.005; deviations .005 .005 .015 .015 .025 .995 -> MAD 0.015; M(2.0) = 0.6745 * 0.995 / 0.015 = 44.74.
        let values = [1.0, 1.02, 0.98, 1.01, 0.99, 2.0]
        let scores = OutlierDetection.modifiedZScores(values)
        #expect(abs(scores[5] - 0.6745 * 0.995 / 0.015) < 1e-9)
        #expect(OutlierDetection.flags(values) == [false, false, false, false, false, true])
    }

    @Test func spreadValuesHaveNoOutliers() {
        #expect(!OutlierDetection.flags([1.0, 1.1, 0.9, 1.05, 0.95]).contains(true))
        #expect(!OutlierDetection.flags([3, 3, 3, 3]).contains(true))
        #expect(OutlierDetection.flags([1, 100]) == [false, false])  // too few to judge
    }

    @Test func zeroMADFallsBackToMeanAbsoluteDeviation() {
        // median 1, MAD 0; mean absolute deviation 4 / 5 = 0.8; M(5) = 4 / (1.253314 * 0.8) = 3.99 > 3.5.
        #expect(OutlierDetection.flags([1, 1, 1, 1, 5]) == [false, false, false, false, true])
    }

    @Test func summaryCountsAndRawFileFlagsOutliers() throws {
        var records: [BatchRecord] = []
        for (rep, wall) in [1.0, 1.02, 0.98, 1.01, 3.0].enumerated() {
            var r = BatchRecord(workload: "w", kind: .cpu, runtime: "swift", runtimeVersion: "swift-6.3",
                                switchIntervalMs: 5, scaling: .strong, threads: 1, tasks: 8, repetition: rep + 1)
            r.wallSeconds = wall
            records.append(r)
        }
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        #expect(rows[0].outliers == 1)
        let metadata = RunMetadata(hostLabel: "t", machine: MachineInfo.current(), spawnJoinFloorMicros: 40)
        let data = try CSVReporter(metadata: metadata).raw(records, outlierFlags: RunAnalysis.wallOutlierFlags(records), complete: true)
        let raw = try CSVReporterTests.parse(data)
        let column = try #require(raw.header.firstIndex(of: "outlier"))
        #expect(raw.rows.map { $0[column] } == ["0", "0", "0", "0", "1"])
        let warnings = RunDiagnostics.warnings(rows, spawnJoinFloorMicros: 40).map(\.text)
        #expect(warnings.count == 1)
        #expect(warnings[0].contains("unstable") && warnings[0].contains("1 outliers"), "\(warnings)")
    }

    @Test func warnsWhenThreadsWorkLessThanTheirCreationCost() {
        var r = BatchRecord(workload: "sleep", kind: .io, runtime: "swift", runtimeVersion: "swift-6.3",
                            switchIntervalMs: 5, scaling: .strong, threads: 64, tasks: 64, repetition: 1)
        r.wallSeconds = 0.01
        r.taskP50Millis = 0.1  // 100 us of work per thread against a 40 us spawn+join floor
        var rows = Summarizer.summarize([r], usableCPUs: 2)
        let warnings = RunDiagnostics.warnings(rows, spawnJoinFloorMicros: 40).map(\.text)
        #expect(warnings.count == 1 && warnings[0].contains("spawn+join"))
        rows[0].taskP50MedianMillis = 10  // 10 ms each: plenty
        #expect(RunDiagnostics.warnings(rows, spawnJoinFloorMicros: 40).isEmpty)
    }
}
