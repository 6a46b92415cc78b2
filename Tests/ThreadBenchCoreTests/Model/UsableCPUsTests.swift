import Foundation
import Testing
@testable import ThreadBenchModel

/// The affinity mask of this process, and cgroup files written into a test folder that
/// stands for `/`.
@Suite struct UsableCPUsTests {
    /// A folder standing for `/`, with `files` (paths relative to it) written in it.
    final class FakeRoot {
        let path: String

        init(_ files: [String: String]) throws {
            path = try AtomicFileTests.temporaryFolder()
            for (name, content) in files {
                let file = path + "/" + name
                try FileManager.default.createDirectory(
                    atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try content.write(toFile: file, atomically: false, encoding: .utf8)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// A cgroup v2 machine: the process in /app.slice, `cpuMax` in its folder.
    static func v2(_ cpuMax: String) throws -> FakeRoot {
        try FakeRoot(["proc/self/cgroup": "0::/app.slice\n", "sys/fs/cgroup/app.slice/cpu.max": cpuMax])
    }

    @Test func theAffinityMaskCountsAtLeastOneCPUAndNoMoreThanTheMachineHas() throws {
        let affinity = try #require(UsableCPUs.affinityCPUs())
        #expect(affinity >= 1)
        #expect(affinity <= UsableCPUs.onlineCPUs())
        let usable = UsableCPUs.detect()
        #expect(usable.count >= 1 && usable.count <= usable.logicalCPUs)
        #expect(usable.count <= affinity)
    }

    @Test func cpuMaxWithoutALimitLeavesTheCPUs() throws {
        let root = try Self.v2("max 100000\n")
        #expect(CgroupCPUQuota.read(root: root.path) == nil)
        let usable = UsableCPUs(logicalCPUs: 4, affinityCPUs: 4, quota: CgroupCPUQuota.read(root: root.path))
        #expect(usable.count == 4)
        #expect(usable.limit == nil)
        #expect(usable.reason == "none")
    }

    @Test func cpuMaxOfOneAndAHalfCPUsGivesTwo() throws {
        let root = try Self.v2("150000 100000\n")
        let quota = try #require(CgroupCPUQuota.read(root: root.path))
        #expect(quota == CgroupCPUQuota(cpus: 1.5, source: .cgroupCPUMax))
        let usable = UsableCPUs(logicalCPUs: 4, affinityCPUs: 4, quota: quota)
        #expect(usable.count == 2)
        #expect(usable.reason == "cgroup cpu.max")
        #expect(usable.description == "2 usable CPUs of 4 logical (cgroup cpu.max: 1.5 CPUs of time)")
    }

    @Test func cpuMaxOfHalfACPUGivesOne() throws {
        let root = try Self.v2("50000 100000")
        let usable = UsableCPUs(logicalCPUs: 2, affinityCPUs: 2, quota: CgroupCPUQuota.read(root: root.path))
        #expect(usable.count == 1)
        #expect(usable.limit == .cgroupCPUMax)
    }

    @Test func aParentCgroupsLimitBindsItsChild() throws {
        let root = try FakeRoot([
            "proc/self/cgroup": "0::/outer/inner\n",
            "sys/fs/cgroup/outer/cpu.max": "200000 100000\n",
            "sys/fs/cgroup/outer/inner/cpu.max": "max 100000\n",
        ])
        #expect(CgroupCPUQuota.read(root: root.path)?.cpus == 2)
    }

    @Test func aContainersOwnCgroupIsTheMountsRoot() throws {
        // Without a cgroup namespace the path is the host's; inside, the mount's root is it.
        let root = try FakeRoot([
            "proc/self/cgroup": "0::/docker/0123abcd\n",
            "sys/fs/cgroup/cpu.max": "300000 100000\n",
        ])
        #expect(CgroupCPUQuota.read(root: root.path)?.cpus == 3)
    }

    @Test func cgroupV1QuotaAndPeriod() throws {
        let root = try FakeRoot([
            "proc/self/cgroup": "4:memory:/\n3:cpu,cpuacct:/job\n0::/\n",
            "sys/fs/cgroup/cpu,cpuacct/job/cpu.cfs_quota_us": "250000\n",
            "sys/fs/cgroup/cpu,cpuacct/job/cpu.cfs_period_us": "100000\n",
            "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "-1\n",
            "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n",
        ])
        let quota = try #require(CgroupCPUQuota.read(root: root.path))
        #expect(quota == CgroupCPUQuota(cpus: 2.5, source: .cgroupV1Quota))
        let usable = UsableCPUs(logicalCPUs: 8, affinityCPUs: 8, quota: quota)
        #expect(usable.count == 3)
        #expect(usable.reason == "cgroup v1 quota")
    }

    @Test func cgroupV1WithoutAQuota() throws {
        let root = try FakeRoot([
            "proc/self/cgroup": "1:cpu:/\n",
            "sys/fs/cgroup/cpu/cpu.cfs_quota_us": "-1\n",
            "sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n",
        ])
        #expect(CgroupCPUQuota.read(root: root.path) == nil)
    }

    @Test func missingFilesMeanNoQuota() throws {
        let empty = try FakeRoot([:])
        #expect(CgroupCPUQuota.read(root: empty.path) == nil)
        let membershipOnly = try FakeRoot(["proc/self/cgroup": "0::/app.slice\n1:cpu:/x\n"])
        #expect(CgroupCPUQuota.read(root: membershipOnly.path) == nil)
        #expect(CgroupCPUQuota.read(root: "/nonexistent-\(UUID().uuidString)") == nil)
    }

    @Test(arguments: ["", "max max", "abc 100000", "150000 0", "150000 -5", "-150000 100000", "0 100000",
                      "1 2 3", "150000 100000x", "\u{0}\u{1}garbage", "99999999999999999999999 100000"])
    func malformedCPUMaxIsIgnored(_ content: String) throws {
        let root = try Self.v2(content)
        #expect(CgroupCPUQuota.read(root: root.path) == nil)
    }

    @Test func malformedFilesAreIgnoredWithoutHidingAGoodOne() throws {
        let root = try FakeRoot([
            "proc/self/cgroup": "garbage\n::\n7:cpu:relative\n1:cpu:/a\n0::/b\n",
            "sys/fs/cgroup/cpu/a/cpu.cfs_quota_us": "lots\n",
            "sys/fs/cgroup/cpu/a/cpu.cfs_period_us": "100000\n",
            "sys/fs/cgroup/b/cpu.max": "100000 100000\n",
        ])
        #expect(CgroupCPUQuota.read(root: root.path) == CgroupCPUQuota(cpus: 1, source: .cgroupCPUMax))
        #expect(CgroupCPUQuota.parseCFS(quota: "200000", period: nil) == nil)
        #expect(CgroupCPUQuota.parseCFS(quota: "200000", period: "0") == nil)
        #expect(CgroupCPUQuota.parseCPUMax("150000") == .cpus(1.5))  // the default period
    }

    @Test func theTighterOfAffinityAndQuotaIsNamed() {
        let quota = CgroupCPUQuota(cpus: 1.5, source: .cgroupCPUMax)
        let pinned = UsableCPUs(logicalCPUs: 4, affinityCPUs: 1, quota: quota)
        #expect(pinned.count == 1)
        #expect(pinned.reason == "affinity mask")
        #expect(pinned.description == "1 usable CPU of 4 logical (affinity mask)")
        let equal = UsableCPUs(logicalCPUs: 4, affinityCPUs: 2, quota: quota)
        #expect(equal.count == 2)
        #expect(equal.limit == .affinityMask)
        let quotaTighter = UsableCPUs(logicalCPUs: 4, affinityCPUs: 3, quota: quota)
        #expect(quotaTighter.count == 2)
        #expect(quotaTighter.limit == .cgroupCPUMax)
        let unreadable = UsableCPUs(logicalCPUs: 2, affinityCPUs: nil, quota: nil)
        #expect(unreadable.count == 2 && unreadable.limit == nil)
        let generous = UsableCPUs(logicalCPUs: 2, affinityCPUs: 2, quota: CgroupCPUQuota(cpus: 16, source: .cgroupV1Quota))
        #expect(generous.count == 2 && generous.limit == nil)
    }
}
