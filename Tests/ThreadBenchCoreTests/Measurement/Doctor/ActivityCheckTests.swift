import Testing
@testable import ThreadBenchMeasurement

/// Steal and the other processes' CPU from recorded `/proc/stat` and `/proc/<pid>/stat`.
@Suite struct ActivityCheckTests {
    static let shell = "4242 (bash) S 1 4242 4242 34816 4242 4194560 2000 0 0 0 30 20 0 0 20 0 1 0 100 8000000 900 18446744073709551615"
    static let odd = "77 (my (odd) cmd) R 1 77 77 0 -1 4194304 98 0 0 0 7 3 0 0 20 0 1 0 257221 3133440 412 0"

    static func sample(_ stat: String, _ processes: [ProcessCPU]) -> ActivitySample {
        ActivitySample(machine: CPUTimes.parse(procStat: stat), processes: Dictionary(uniqueKeysWithValues: processes.map { ($0.pid, $0) }))
    }

    @Test func theCPULineGivesTotalIdleAndSteal() throws {
        let times = try #require(CPUTimes.parse(procStat: DoctorFixtures.procStat))
        #expect(times.totalTicks == 513_588)
        #expect(times.idleTicks == 37_667)
        #expect(times.stealTicks == 1_379)
        #expect(times.busyTicks == 513_588 - 37_667 - 1_379)
    }

    @Test func aCPULineWithoutStealOrMissingIsNil() {
        #expect(CPUTimes.parse(procStat: "cpu  1 2 3 4 5 6 7\n") == nil)
        #expect(CPUTimes.parse(procStat: "intr 1 2\n") == nil)
    }

    @Test func aProcessStatLineGivesUserPlusSystemTicks() throws {
        let shell = try #require(ProcessCPU.parse(stat: Self.shell))
        #expect(shell == ProcessCPU(pid: 4242, command: "bash", ticks: 50))
        let odd = try #require(ProcessCPU.parse(stat: Self.odd))
        #expect(odd.command == "my (odd) cmd")
        #expect(odd.ticks == 10)
        #expect(ProcessCPU.parse(stat: "12 (x) R 1 2") == nil)
    }

    @Test func stealAbove5PercentWarns() {
        let check = ActivityCheck.steal(from: Self.sample(DoctorFixtures.procStat, []),
                                        to: Self.sample(DoctorFixtures.procStatLater, []), wallSeconds: 1)
        #expect(check.state == .warning)
        #expect(check.values["steal_fraction"] == 0.15)
        #expect(check.detail.contains("15.0%"))
    }

    @Test func noStealIsOK() {
        let check = ActivityCheck.steal(from: Self.sample(DoctorFixtures.procStat, []),
                                        to: Self.sample(DoctorFixtures.procStat, []), wallSeconds: 1)
        #expect(check.state == .unknown)  // no ticks passed: no answer
        let quiet = "cpu  448834 0 25583 37177 590 0 225 1379 0 0\n"
        #expect(ActivityCheck.steal(from: Self.sample(DoctorFixtures.procStat, []), to: Self.sample(quiet, []), wallSeconds: 1).state == .ok)
    }

    @Test func aMissingProcStatIsUnknown() {
        let empty = ActivitySample.take(.recorded([:]))
        #expect(empty.machine == nil)
        #expect(ActivityCheck.steal(from: empty, to: empty, wallSeconds: 1).state == .unknown)
        let other = ActivityCheck.otherProcesses(from: empty, to: empty, ownPID: 1, wallSeconds: 1, logicalCPUs: 2, ticksPerSecond: 100)
        #expect(other.state == .unknown)
    }

    @Test func theOtherProcessesAreTheBusyTicksLessOurOwn() {
        let before = Self.sample(DoctorFixtures.procStat, [ProcessCPU(pid: 100, command: "threadbench", ticks: 1000),
                                                           ProcessCPU(pid: 200, command: "swift-frontend", ticks: 10)])
        let after = Self.sample(DoctorFixtures.procStatLater, [ProcessCPU(pid: 100, command: "threadbench", ticks: 1050),
                                                               ProcessCPU(pid: 200, command: "swift-frontend", ticks: 100)])
        let check = ActivityCheck.otherProcesses(from: before, to: after, ownPID: 100, wallSeconds: 1, logicalCPUs: 2, ticksPerSecond: 100)
        #expect(check.state == .warning)
        #expect(check.values["other_cpu_s"] == 1.0)
        #expect(check.values["other_fraction"] == 0.5)
        #expect(check.detail.contains("busiest: swift-frontend (pid 200, 0.90 s)"))
        #expect(!check.detail.contains("threadbench"))
    }

    @Test func processesAreReadFromRecordedProc() {
        let files = MachineFiles.recorded(["/proc/stat": DoctorFixtures.procStat, "/proc/4242/stat": Self.shell,
                                           "/proc/77/stat": Self.odd, "/proc/self/status": "x"])
        let sample = ActivitySample.take(files)
        #expect(sample.machine != nil)
        #expect(Set(sample.processes.keys) == [4242, 77])
    }
}
