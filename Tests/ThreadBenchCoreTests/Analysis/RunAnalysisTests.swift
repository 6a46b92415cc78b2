import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStatistics
@testable import ThreadBenchStorage

@Suite struct RunAnalysisTests {
    /// Five repetitions of two workloads under two runtimes at 1, 2 and 4 threads, with one
    /// far repetition so that outliers and warnings have something to say.
    static func records() -> [BatchRecord] {
        var records: [BatchRecord] = []
        for (workload, kind) in [("math", WorkloadKind.cpu), ("sleep", .io)] {
            for runtime in [Runtime.swift, .swiftGIL] {
                for threads in [1, 2, 4] {
                    for rep in 1...5 {
                        var r = BatchRecord(workload: workload, kind: kind, runtime: runtime, runtimeVersion: "swift-6.3",
                                            switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 16,
                                            repetition: rep)
                        let speedup = kind == .io || runtime == .swift ? Double(threads) : 1
                        r.wallSeconds = (1 + Double(rep) * 0.01) / speedup * (rep == 5 && threads == 2 ? 3 : 1)
                        r.taskP50Millis = 2
                        r.errors = workload == "sleep" && threads == 4 ? 1 : 0
                        r.firstError = r.errors > 0 ? "refused" : ""
                        records.append(r)
                    }
                }
            }
        }
        return records
    }

    static let metadata = RunMetadata(
        hostLabel: "lab",
        machine: MachineInfo(hostname: "box", os: "Linux", kernel: "6.1", arch: "x86_64", cpuModel: "CPU",
                             logicalCPUs: 2, memoryBytes: 1 << 30),
        spawnJoinFloorMicros: 300)

    @Test func givesWhatThePiecesGiveCalledDirectly() {
        let records = Self.records()
        let analysis = RunAnalysis(records: records, metadata: Self.metadata)
        let summary = Summarizer.summarize(records, usableCPUs: 2)
        #expect(analysis.records == records)
        #expect(analysis.summary == summary)
        #expect(analysis.models == ScalingModel.fits(summary, usableCPUs: 2))
        #expect(analysis.warnings == RunDiagnostics.warnings(summary, spawnJoinFloorMicros: 300))
        #expect(analysis.findings == Findings(usableCPUs: 2).findings(summary) + RuntimeComparison.findings(summary))
        #expect(analysis.failures == WorkloadFailures.of(records))
        let charts = SpeedupChart.charts(summary, label: "lab", usableCPUs: 2)
        #expect(SVGChartReporter().render(analysis.charts) == SVGChartReporter().render(charts))
        // Something to compare: the far repetitions are flagged and warned about, the errors reported.
        #expect(analysis.outlierFlags.contains(true))
        #expect(!analysis.warnings.isEmpty)
        #expect(analysis.failures.map(\.text) == ["sleep: 10 failed tasks or timed-out threads in 10 batches; first error: refused"])
    }

    @Test func failureLinesCountErrorsAndBatchesPerWorkloadInFirstSeenOrder() {
        func record(_ workload: String, errors: Int, timedOut: Int, firstError: String) -> BatchRecord {
            var r = BatchRecord(workload: workload, kind: .io, runtime: .swift, runtimeVersion: "", switchIntervalMs: 0,
                                scaling: .strong, threads: 2, tasks: 4, repetition: 1)
            (r.errors, r.timedOut, r.firstError) = (errors, timedOut, firstError)
            return r
        }
        let records = [
            record("http", errors: 0, timedOut: 0, firstError: ""),
            record("file", errors: 0, timedOut: 1, firstError: ""),
            record("http", errors: 2, timedOut: 0, firstError: "refused"),
            record("file", errors: 3, timedOut: 0, firstError: "disk full"),
            record("http", errors: 1, timedOut: 1, firstError: "reset"),
        ]
        #expect(WorkloadFailures.of(records).map(\.text) == [
            "file: 3 failed tasks or timed-out threads in 2 batches; first error: disk full",
            "http: 3 failed tasks or timed-out threads in 2 batches; first error: refused",
        ])
    }

    @Test func outlierFlagsMatchEachRecordsOwnGroup() {
        let records = Self.records()
        let analysis = RunAnalysis(records: records, metadata: Self.metadata)
        #expect(analysis.outlierFlags == RunAnalysis.wallOutlierFlags(records))
        // Per record, the flag its own repetitions give it; and the summary counts the same outliers.
        for (key, members) in records.enumerated().orderedGroups(by: { BatchKey($0.element) }) {
            let flags = OutlierDetection.flags(members.map(\.element.wallSeconds))
            #expect(members.map { analysis.outlierFlags[$0.offset] } == flags, "\(key)")
            let row = analysis.summary.first { BatchKey($0) == key }
            #expect(row?.outliers == flags.filter { $0 }.count, "\(key)")
        }
    }

    @Test func aRecordedRunIsTitledByItsLabelOrFileName() throws {
        let data = try CSVReporter(metadata: Self.metadata).raw(Self.records(), outlierFlags: nil, complete: true)
        let run = try CSVRunReader.parse(data, path: "/tmp/some-run.csv")
        #expect(RunAnalysis(run).charts.allSatisfy { $0.title.hasSuffix(" on lab") })
        var unlabelled = Self.metadata
        unlabelled.hostLabel = ""
        let bare = try CSVRunReader.parse(
            try CSVReporter(metadata: unlabelled).raw(Self.records(), outlierFlags: nil, complete: true), path: "/tmp/some-run.csv")
        #expect(RunAnalysis(bare).charts.allSatisfy { $0.title.hasSuffix(" on some-run.csv") })
        #expect(RunAnalysis(bare).summary == RunAnalysis(records: bare.records, metadata: unlabelled).summary)
    }

    @Test func aComparisonAnalysesEachRunOnceAndDrawsFromThatAnalysis() throws {
        let report = try ComparisonReport(runs: [try Fixture.run("machine-a.csv"), try Fixture.run("machine-c.csv")])
        #expect(report.analyses.count == 2)
        for (run, analysis) in zip(report.runs, report.analyses) {
            #expect(analysis.summary == RunAnalysis(run).summary)
            #expect(analysis.models == RunAnalysis(run).models)
        }
        // The chart and the curves read the analyses stored in the report, and do not summarise
        // the records again: the same report with its runs' records taken away draws the same chart.
        var emptied = report.runs
        for index in emptied.indices { emptied[index].records = [] }
        let stored = ComparisonReport(runs: emptied, analyses: report.analyses, settings: report.settings,
                                      rows: report.rows, threading: report.threading, curves: report.curves, warnings: report.warnings)
        let svg = SVGChartReporter().render(SpeedupChart.charts(report))
        #expect(SVGChartReporter().render(SpeedupChart.charts(stored)) == svg)
        #expect(svg.contains("class=\"series\""))
        let math = try #require(report.curves.first { $0.workload == "math" && $0.runtime == .swift })
        #expect(math.models[0] == report.analyses[0].models.first { $0.workload == "math" && $0.runtime == .swift })
    }
}
