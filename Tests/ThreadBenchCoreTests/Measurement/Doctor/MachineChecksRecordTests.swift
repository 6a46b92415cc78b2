import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

/// The machine checks and each batch's steal and outside CPU, written, read back and compared.
@Suite struct MachineChecksRecordTests {
    static let machine = MachineInfo(hostname: "box", os: "Debian", kernel: "6.1", arch: "x86_64",
                                     cpuModel: "cpu", logicalCPUs: 2, memoryBytes: 1 << 34)

    static func record(threads: Int) -> BatchRecord {
        var r = BatchRecord(workload: "math", kind: .cpu, runtime: "swift", runtimeVersion: "swift-6.3",
                            switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8, repetition: 1)
        r.wallSeconds = 1.0 / Double(threads)
        r.stealSeconds = threads == 1 ? 0.03 : nil
        r.otherCPUSeconds = threads == 1 ? 0.25 : nil
        return r
    }

    static func run(checks: String, path: String = "x.csv") throws -> RecordedRun {
        var metadata = RunMetadata(hostLabel: "lab", machine: machine, spawnJoinFloorMicros: 45)
        metadata.machineChecks = checks
        let data = try CSVReporter(metadata: metadata).raw([record(threads: 1), record(threads: 2)], outlierFlags: nil, complete: true)
        return try CSVRunReader.parse(data, path: path)
    }

    @Test func checksStealAndOtherCPURoundTrip() throws {
        let run = try Self.run(checks: "cpus=ok;aslr=warning;governor=unknown")
        #expect(run.metadata.machineChecks == "cpus=ok;aslr=warning;governor=unknown")
        #expect(run.metadata.machineCheckStates.map(\.name) == ["cpus", "aslr", "governor"])
        #expect(run.records[0].stealSeconds == 0.03)
        #expect(run.records[0].otherCPUSeconds == 0.25)
        #expect(run.records[1].stealSeconds == nil && run.records[1].otherCPUSeconds == nil)
    }

    @Test func filesWithoutTheNewColumnsStillRead() throws {
        let old = try CSVRunReader.read(path: Fixture.path("machine-a.csv"))
        #expect(old.metadata.machineChecks.isEmpty)
        #expect(old.records.allSatisfy { $0.stealSeconds == nil && $0.otherCPUSeconds == nil })
        #expect(!CSVSchema.requiredRawColumns.contains("machine_checks"))
        #expect(!CSVSchema.requiredRawColumns.contains("steal_s") && !CSVSchema.requiredRawColumns.contains("other_cpu_s"))
    }

    @Test func compareWarnsWhenTheMachinesChecksDiffer() throws {
        let a = try Self.run(checks: "cpus=ok;aslr=warning;load=ok", path: "a.csv")
        let b = try Self.run(checks: "cpus=ok;aslr=ok;load=warning", path: "b.csv")
        let lines = ComparisonReport.machineCheckWarnings([a, b]).map(\.text)
        #expect(lines.count == 1)
        #expect(lines.first?.contains("aslr ok here, warning there, load warning here, ok there") == true)
        #expect(ComparisonReport.machineCheckWarnings([a, a]).isEmpty)
        #expect(ComparisonReport.machineCheckWarnings([a, try Self.run(checks: "")]).isEmpty)
    }

    @Test func aMeterLapIsTheStealAndTheBusyCPULessOurOwn() {
        let laps = Laps([(DoctorFixtures.procStat, 1000), (DoctorFixtures.procStatLater, 1050)])
        let meter = ActivityMeter(files: MachineFiles(read: { laps.read($0) }))
        var record = Self.record(threads: 2)
        meter.stamp(&record)
        #expect(record.stealSeconds == 0.3)
        #expect(record.otherCPUSeconds == 1.0)
        var python = Self.record(threads: 2)
        python.runtime = .cpython
        laps.rewind()
        let second = ActivityMeter(files: MachineFiles(read: { laps.read($0) }))
        second.stamp(&python)
        #expect(python.stealSeconds == 0.3 && python.otherCPUSeconds == nil)
    }

    @Test func aMeterWithoutProcGivesNils() {
        let meter = ActivityMeter(files: .recorded([:]))
        var record = Self.record(threads: 1)
        meter.stamp(&record)
        #expect(record.stealSeconds == nil && record.otherCPUSeconds == nil)
    }

    @Test func cellsUnderMoreThan5PercentStealOrOutsideLoadAreFlagged() throws {
        var records: [BatchRecord] = []
        for threads in [1, 2] {
            for round in 1...3 {
                var r = Self.record(threads: threads)
                r.repetition = round
                r.wallSeconds = 1
                r.stealSeconds = threads == 2 ? 0.3 : 0.05  // 15% and 2.5% of 2 CPUs
                r.otherCPUSeconds = 0
                records.append(r)
            }
        }
        let analysis = RunAnalysis(records: records, metadata: RunMetadata(hostLabel: "lab", machine: Self.machine, spawnJoinFloorMicros: 0))
        let two = try #require(analysis.summary.first { $0.threads == 2 })
        #expect(two.notes.map(\.text).contains("measured under steal 15%, other processes 0% of the machine's CPU time"))
        #expect(analysis.summary.first { $0.threads == 1 }?.notes.contains { if case .disturbed = $0 { true } else { false } } == false)
        #expect(analysis.warnings.map(\.text).contains { $0.hasPrefix("1 cell measured under more than 5% steal or outside load") && $0.contains("math/swift/2") })
    }

    @Test func noRecordedFiguresMeanNoDisturbance() {
        let disturbance = Disturbance(records: [CSVRunReaderTests.records()[0]], logicalCPUs: 2)
        #expect(disturbance.stealFraction == nil && disturbance.otherFraction == nil && !disturbance.exceedsLimit)
    }
}
