import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// The file checks of `threadbench doctor` on recorded `/proc` and `/sys` text.
@Suite struct MachineChecksTests {
    let laptop = DoctorFixtures.files(DoctorFixtures.laptop)
    let vm = DoctorFixtures.files(DoctorFixtures.vm)
    let tuned = DoctorFixtures.files(DoctorFixtures.tuned)
    let nothing = MachineFiles.recorded([:])

    @Test func aPowersaveGovernorOnAnyUsableCPUWarns() {
        let check = FrequencyCheck.governor(laptop, cpus: [0, 1, 2, 3])
        #expect(check.state == .warning)
        #expect(check.detail.contains("powersave on CPUs 0-1"))
        #expect(check.advice?.contains("performance") == true)
    }

    @Test func performanceOnEveryUsableCPUIsOK() {
        #expect(FrequencyCheck.governor(tuned, cpus: [2, 3]).state == .ok)
        #expect(FrequencyCheck.governor(laptop, cpus: [2, 3]).state == .ok)
    }

    @Test func noCpufreqIsUnknownNeverOK() {
        let check = FrequencyCheck.governor(vm, cpus: [0, 1])
        #expect(check.state == .unknown)
        #expect(check.detail.contains("0-1"))
    }

    @Test func boostReadsCpufreqBoostThenIntelNoTurbo() {
        #expect(FrequencyCheck.boost(laptop).state == .warning)
        #expect(FrequencyCheck.boost(tuned).state == .ok)
        #expect(FrequencyCheck.boost(.recorded(["/sys/devices/system/cpu/cpufreq/boost": "1\n"])).state == .warning)
        #expect(FrequencyCheck.boost(.recorded(["/sys/devices/system/cpu/intel_pstate/no_turbo": "1"])).state == .ok)
        #expect(FrequencyCheck.boost(vm).state == .unknown)
        #expect(FrequencyCheck.boost(.recorded(["/sys/devices/system/cpu/cpufreq/boost": "x"])).state == .unknown)
    }

    @Test func smtSiblingsAmongTheUsableCPUsWarn() {
        let check = TopologyCheck.smt(laptop, cpus: [0, 1, 2, 3])
        #expect(check.state == .warning)
        #expect(check.detail.contains("0,2; 1,3"))
        #expect(check.values["physical_cores"] == 2)
    }

    @Test func siblingsOutsideTheUsableCPUsDoNotCount() {
        let check = TopologyCheck.smt(laptop, cpus: [0, 1])
        #expect(check.state == .ok)
        #expect(check.values["physical_cores"] == 2)
        #expect(TopologyCheck.smt(vm, cpus: [0, 1]).state == .ok)
    }

    @Test func aMissingSiblingListIsUnknown() {
        let check = TopologyCheck.smt(vm, cpus: [0, 1, 2])
        #expect(check.state == .unknown)
        #expect(check.detail.contains("cpu2/topology/thread_siblings_list"))
    }

    @Test func aslrOnWarnsOffIsOKElseUnknown() {
        #expect(ASLRCheck.check(laptop).state == .warning)
        #expect(ASLRCheck.check(tuned).state == .ok)
        #expect(ASLRCheck.check(nothing).state == .unknown)
        #expect(ASLRCheck.check(.recorded([ASLRCheck.path: "7\n"])).state == .unknown)
    }

    @Test func theLoadAverageWarnsAboveHalfACPU() {
        let busy = LoadCheck.check(vm, logicalCPUs: 2)
        #expect(busy.state == .warning)
        #expect(busy.values["load_1min"] == 4.25)
        #expect(busy.values["load_15min"] == 4.62)
        #expect(LoadCheck.check(laptop, logicalCPUs: 4).state == .ok)
        #expect(LoadCheck.check(nothing, logicalCPUs: 2).state == .unknown)
        #expect(LoadCheck.check(.recorded([LoadCheck.path: "x y"]), logicalCPUs: 2).state == .unknown)
    }

    @Test func theHypervisorFlagMarksAVM() {
        let check = VirtualizationCheck.check(vm)
        #expect(check.state == .warning)
        #expect(check.detail.contains("DMI vendor and product unreadable"))
        let metal = VirtualizationCheck.check(laptop)
        #expect(metal.state == .ok)
        #expect(metal.detail.contains("LENOVO 20L8S2N800"))
    }

    @Test func cpuinfoWithoutFlagsOrMissingIsUnknown() {
        #expect(VirtualizationCheck.check(nothing).state == .unknown)
        let arm = MachineFiles.recorded(["/proc/cpuinfo": "processor\t: 0\nFeatures\t: fp asimd\n"])
        #expect(VirtualizationCheck.check(arm).state == .unknown)
    }

    @Test func isolatedCPUsThatTheRunIsNotPinnedToWarn() {
        let pinned = IsolationCheck.check(tuned, cpus: [2, 3])
        #expect(pinned.state == .ok)
        #expect(pinned.detail.contains("nohz_full: 2-3"))
        let loose = IsolationCheck.check(tuned, cpus: [0, 1, 2, 3])
        #expect(loose.state == .warning)
        #expect(loose.advice?.contains("taskset -c 2-3") == true)
    }

    @Test func noIsolatedCPUsIsOKAndAMissingListUnknown() {
        let none = IsolationCheck.check(vm, cpus: [0, 1])
        #expect(none.state == .ok)
        #expect(none.detail.contains("nohz_full: none"))
        #expect(IsolationCheck.check(nothing, cpus: [0]).state == .unknown)
    }

    @Test func oneUsableCPUWarnsThatThreadsCannotRunInParallel() {
        let pinned = CPULimitCheck.check(UsableCPUs(logicalCPUs: 2, affinityCPUs: 1, quota: nil))
        #expect(pinned.state == .warning)
        #expect(pinned.detail == "1 usable CPU of 2 logical (affinity mask): threads cannot run in parallel")
        #expect(CPULimitCheck.check(UsableCPUs(logicalCPUs: 2, affinityCPUs: 2, quota: nil)).state == .ok)
        let quota = CgroupCPUQuota(cpus: 1.5, source: .cgroupCPUMax)
        #expect(CPULimitCheck.check(UsableCPUs(logicalCPUs: 4, affinityCPUs: 4, quota: quota)).state == .warning)
    }

    @Test func everyCheckOnAnEmptyMachineIsUnknownOrFromTheAffinityMask() {
        let checks = MachineDoctor.cheapChecks(files: nothing, usable: UsableCPUs(logicalCPUs: 2, affinityCPUs: 2, quota: nil),
                                               probeSeconds: 0)
        #expect(checks.map(\.name) == Array(MachineDoctor.checkNames.dropLast()))
        #expect(checks.filter { $0.name != "cpus" }.allSatisfy { $0.state == .unknown })
    }

    @Test func theCompactFormNamesEachState() {
        let checks = [MachineCheck(name: "cpus", state: .ok, detail: ""), MachineCheck(name: "aslr", state: .warning, detail: ""),
                      MachineCheck(name: "governor", state: .unknown, detail: "")]
        #expect(MachineDoctor.compact(checks) == "cpus=ok;aslr=warning;governor=unknown")
    }
}
