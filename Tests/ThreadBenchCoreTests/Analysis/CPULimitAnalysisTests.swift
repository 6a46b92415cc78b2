import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

/// The usable CPUs from the files, into the metadata columns and through the analysis: the
/// ideal, the findings, the fits, Karp-Flatt and the chart's core mark.
@Suite struct CPULimitAnalysisTests {
    static func machine(_ usable: UsableCPUs) -> MachineInfo {
        MachineInfo(hostname: "box", os: "Debian", kernel: "6.1", arch: "x86_64", cpuModel: "CPU",
                    logicalCPUs: usable.logicalCPUs, usableCPUs: usable.count, cpuLimit: usable.limit, memoryBytes: 1 << 30)
    }

    /// math under swift at 1, 2 and 4 threads, 5 repetitions each, no faster with more threads.
    static func flatMath() -> [BatchRecord] {
        [1, 2, 4].flatMap { HonestSummaryTests.records($0, HonestSummaryTests.five) }
    }

    @Test func aCgroupCPUMaxFileFromATestFolderFeedsTheIdealAndTheText() throws {
        let root = try UsableCPUsTests.v2("100000 100000\n")
        let usable = UsableCPUs(logicalCPUs: 2, affinityCPUs: 2, quota: CgroupCPUQuota.read(root: root.path))
        #expect(usable.count == 1 && usable.limit == .cgroupCPUMax)
        let metadata = RunMetadata(hostLabel: "lab", machine: Self.machine(usable), spawnJoinFloorMicros: 40)
        let analysis = RunAnalysis(records: Self.flatMath(), metadata: metadata)
        #expect(analysis.summary.map(\.idealSpeedup) == [1, 1, 1])
        #expect(analysis.summary.allSatisfy { $0.threads == 1 || $0.karpFlatt == nil })
        let text = (analysis.findings.map(\.text) + analysis.models.map(\.sentence)).joined(separator: "\n")
        #expect(text.contains("on 1 usable CPU (cgroup cpu.max)"), "\(text)")
        #expect(text.contains("this run could use 1 CPU (cgroup cpu.max)"))
        #expect(text.contains("fitted within 1 usable CPU (cgroup cpu.max)"))
        #expect(!text.contains("2 cores") && !text.contains("2 logical"), "\(text)")
        #expect(analysis.charts[0].idealCores == 1)
        #expect(analysis.charts[0].coreMarks.map(\.label) == ["1 usable CPU (cgroup cpu.max)"])
        #expect(SVGChartReporter().render(analysis.charts).contains("ideal: min(N, 1 usable CPU (cgroup cpu.max))"))
    }

    @Test func theAffinityMaskOfThisProcessIsRecorded() {
        let machine = MachineInfo.current()
        #expect(machine.usableCPUs >= 1 && machine.usableCPUs <= machine.logicalCPUs)
        #expect(machine.usableCPUs == UsableCPUs.detect().count)
        #expect((machine.cpuLimit == nil) == (machine.usableCPUs == machine.logicalCPUs))
    }

    @Test func usableCPUsAndTheirLimitRoundTripThroughTheCSV() throws {
        let usable = UsableCPUs(logicalCPUs: 4, affinityCPUs: 1, quota: nil)
        let metadata = RunMetadata(hostLabel: "lab", machine: Self.machine(usable), spawnJoinFloorMicros: 40)
        let data = try CSVReporter(metadata: metadata).raw(Self.flatMath(), outlierFlags: nil, complete: true)
        let run = try CSVRunReader.parse(data, path: "x.csv")
        #expect(run.metadata.machine.logicalCPUs == 4)
        #expect(run.metadata.machine.usableCPUs == 1)
        #expect(run.metadata.machine.cpuLimit == .affinityMask)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix(CSVSchema.rawColumns.joined(separator: ",")))
        #expect(text.contains(",4,1,affinity mask,"))
    }

    @Test func aVersionOneFileReadsAsEveryLogicalCPUUsable() throws {
        let run = try Fixture.run("machine-a.csv")
        #expect(run.metadata.machine.usableCPUs == run.metadata.machine.logicalCPUs)
        #expect(run.metadata.machine.cpuLimit == nil)
        #expect(run.metadata.machine.cpuLimitText == "none")
    }

    @Test func badUsableCPUsOrLimitsGetOneLine() throws {
        let usable = UsableCPUs(logicalCPUs: 2, affinityCPUs: 1, quota: nil)
        let metadata = RunMetadata(hostLabel: "lab", machine: Self.machine(usable), spawnJoinFloorMicros: 40)
        let text = String(decoding: try CSVReporter(metadata: metadata).raw(Self.flatMath(), outlierFlags: nil,
                                                                            complete: true), as: UTF8.self)
        func error(_ text: String) -> String {
            do {
                _ = try CSVRunReader.parse(Data(text.utf8), path: "x.csv")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let tooMany = error(text.replacingOccurrences(of: ",2,1,affinity mask,", with: ",2,3,affinity mask,"))
        #expect(tooMany.contains("usable_cpus") && tooMany.contains("from 1 to logical_cpus (2)"), "\(tooMany)")
        let unknown = error(text.replacingOccurrences(of: ",2,1,affinity mask,", with: ",2,1,lots,"))
        #expect(unknown.contains("cpu_limit"), "\(unknown)")
        #expect(!tooMany.contains("\n") && !unknown.contains("\n"))
    }
}
