import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchSession
@testable import ThreadBenchStorage

/// Work per task in the files, comparison of the same work only, version-1 files, and the
/// precision lines.
@Suite struct TaskWorkTests {
    static let machine = MachineInfo(hostname: "box", os: "Debian", kernel: "6.1", arch: "x86_64", cpuModel: "CPU",
                                     logicalCPUs: 2, memoryBytes: 1 << 34)

    /// `run` with every record's work set by `work`.
    static func withWork(_ run: RecordedRun, _ work: (BatchRecord) -> TaskWork) -> RecordedRun {
        var copy = run
        copy.path = "sized-" + URL(fileURLWithPath: run.path).lastPathComponent
        copy.records = run.records.map { var record = $0; record.taskWork = work($0); return record }
        return copy
    }

    @Test func workAndTheTargetRoundTripThroughTheRawFile() throws {
        var records = CSVRunReaderTests.records()
        for index in records.indices {
            records[index].taskWork = TaskWork(amount: 7000, unit: "iterations")
            records[index].precisionTarget = 0.03
        }
        let reporter = CSVReporter(metadata: RunMetadata(hostLabel: "lab", machine: Self.machine, spawnJoinFloorMicros: 1))
        let data = try reporter.raw(records, outlierFlags: nil, complete: true)
        let run = try CSVRunReader.parse(data, path: "x.csv")
        #expect(run.records == records)
        let header = String(decoding: data, as: UTF8.self).prefix { $0 != "\n" }
        #expect(header.contains("tasks,task_work,task_work_unit,repetition"))
        #expect(String(decoding: data, as: UTF8.self).split(separator: "\n")[1].hasPrefix("4,"), "schema version 4")
    }

    @Test func rowsAppendedOneByOneMakeTheSameFile() throws {
        let records = CSVRunReaderTests.records()
        let reporter = CSVReporter(metadata: RunMetadata(hostLabel: "lab", machine: Self.machine, spawnJoinFloorMicros: 1))
        var text = try reporter.rawHeader()
        for record in records { text += try reporter.rawRows([record], complete: false) }
        #expect(text == (try reporter.raw(records, outlierFlags: nil, complete: false)))
    }

    @Test func aVersionOneFileStillReads() throws {
        let run = try Fixture.run("machine-a.csv")
        #expect(!run.records.isEmpty)
        #expect(run.records.allSatisfy { $0.taskWork == .unspecified && $0.precisionTarget == nil })
        let cells = RunAnalysis(run).summary.filter { $0.threads > 1 }
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0.precisionMet == nil && $0.rounds > 0 && $0.speedupHalfWidthPct != nil })
        #expect(cells.allSatisfy { $0.taskWork == .unspecified })
    }

    @Test func compareMatchesOnlyRowsOfTheSameWork() throws {
        let baseline = try Fixture.run("machine-a.csv")
        // The other run says what its math tasks did; the baseline (version 1) does not.
        let other = Self.withWork(baseline) { $0.workload == "math" ? TaskWork(amount: 7000, unit: "iterations") : .unspecified }
        let report = try ComparisonReport(runs: [baseline, other])
        #expect(!report.rows.isEmpty)
        #expect(report.rows.allSatisfy { $0.key.workload != "math" })
        let warning = try #require(report.warnings.map(\.text).first { $0.contains("different work") })
        #expect(warning.contains("math under swift at 1, 2, 4 threads (unknown vs 7000 iterations)"), "\(warning)")
        #expect(warning.contains("are not compared"))
        // Sized alike on both sides, they compare again.
        let both = try ComparisonReport(runs: [other, Self.withWork(other) { $0.taskWork }])
        #expect(both.rows.contains { $0.key.workload == "math" })
    }

    @Test func compareRefusesRunsWithNoRowOfTheSameWork() throws {
        let baseline = try Fixture.run("machine-a.csv")
        let other = Self.withWork(baseline) { _ in TaskWork(amount: 3, unit: "ms sleep") }
        #expect(throws: ComparisonError.self) { try ComparisonReport(runs: [baseline, other]) }
        do {
            _ = try ComparisonReport(runs: [baseline, other])
        } catch {
            #expect("\(error)".contains("no rows of the same work per task"))
        }
    }

    @Test func precisionLinesCountTheCellsThatMetTheTarget() {
        func cell(_ workload: String, _ threads: Int, halfWidth: Double, rounds: Int) -> SummaryRow {
            var row = SVGChartReporterTests.summary()[1]
            row.workload = workload
            row.threads = threads
            row.speedupHalfWidthPct = halfWidth
            row.rounds = rounds
            row.precisionMet = rounds >= 5 && halfWidth <= 3
            return row
        }
        let rows = [cell("math", 2, halfWidth: 1, rounds: 5), cell("math", 4, halfWidth: 4, rounds: 9),
                    cell("sleep", 2, halfWidth: 0.5, rounds: 5)]
        let report = PrecisionReport(summary: rows, target: 0.03)
        #expect(report.workloadLines == ["math: 1 of 2 cells within ±3% after 5-9 measured rounds",
                                         "sleep: 1 of 1 cells within ±3% after 5 measured rounds"])
        let line = report.closingLine ?? ""
        #expect(line.hasPrefix("precision: 2 of 3 cells within ±3%; not met: math swift at 4 threads (up to ±4.0%, 9 rounds)"),
                "\(line)")
        #expect(PrecisionReport(summary: [rows[0]], target: 0.025).closingLine
            == "precision: 1 of 1 cells within ±2.5% (95% t-intervals over measured rounds)")
        // A mixed workload's figure is its added latency: its wide speedup is not counted.
        var convoy = cell("convoy", 4, halfWidth: 20, rounds: 5)
        convoy.kind = .mixed
        let withConvoy = PrecisionReport(summary: rows + [convoy], target: 0.03)
        #expect(withConvoy.workloadLines == report.workloadLines)
        #expect(withConvoy.closingLine == report.closingLine)
    }
}
