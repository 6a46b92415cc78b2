import CThreadShims
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many CPUs this process can keep busy at once, and which limit set that number.
///
/// The machine's logical CPUs are an upper bound only: `taskset -c 0` or a container's
/// `--cpuset-cpus` narrows the affinity mask, and a cgroup CPU quota (`docker --cpus 1.5`,
/// systemd's `CPUQuota=`) caps CPU time. The usable count is the smallest of the logical
/// CPUs, the CPUs in the affinity mask and the quota rounded up (1.5 CPUs of time let 2
/// threads run at once, each part of the time), and at least 1.
public struct UsableCPUs: Sendable, Equatable, CustomStringConvertible {
    /// A limit that can hold the usable CPUs below the logical ones.
    public enum Limit: String, Sendable {
        /// The process's affinity mask (`sched_getaffinity`): `taskset`, a cpuset.
        case affinityMask = "affinity mask"
        /// cgroup v2's `cpu.max` quota.
        case cgroupCPUMax = "cgroup cpu.max"
        /// cgroup v1's `cpu.cfs_quota_us` / `cpu.cfs_period_us`.
        case cgroupV1Quota = "cgroup v1 quota"
    }

    /// CPUs usable at once: the smallest of the limits, at least 1.
    public var count: Int
    /// The machine's online logical CPUs.
    public var logicalCPUs: Int
    /// CPUs in the affinity mask, nil when it could not be read.
    public var affinityCPUs: Int?
    /// The tightest cgroup CPU quota, nil when there is none.
    public var quota: CgroupCPUQuota?
    /// The limit that set `count`, nil when it is the logical CPUs. When the affinity mask
    /// and the quota give the same count, the affinity mask is named.
    public var limit: Limit?

    /// The limit that applied in words, "none" when the logical CPUs are all usable.
    public var reason: String { limit?.rawValue ?? "none" }

    /// E.g. "1 usable CPU of 2 logical (affinity mask)" or "2 usable CPUs of 2 logical".
    public var description: String {
        let head = "\(count) usable CPU\(count == 1 ? "" : "s") of \(logicalCPUs) logical"
        switch limit {
        case nil: return head
        case .affinityMask?: return head + " (affinity mask)"
        case .cgroupCPUMax?, .cgroupV1Quota?:
            return head + " (\(reason): \(CgroupCPUQuota.format(quota?.cpus ?? 0)) CPUs of time)"
        }
    }

    /// Combines the three bounds; any that is missing or not positive is ignored.
    public init(logicalCPUs: Int, affinityCPUs: Int?, quota: CgroupCPUQuota?) {
        self.logicalCPUs = max(1, logicalCPUs)
        self.affinityCPUs = affinityCPUs.flatMap { $0 > 0 ? $0 : nil }
        self.quota = quota.flatMap { $0.cpus > 0 && $0.cpus.isFinite ? $0 : nil }
        var count = self.logicalCPUs
        var limit: Limit?
        if let affinity = self.affinityCPUs, affinity < count {
            count = affinity
            limit = .affinityMask
        }
        if let quota = self.quota, quota.cpus.rounded(.up) < Double(count) {
            count = Int(quota.cpus.rounded(.up))  // below count, so small and at least 1
            limit = quota.source
        }
        self.count = count
        self.limit = limit
    }

    /// The usable CPUs of this process now.
    /// - Parameter root: the folder standing for `/` when reading the cgroup files (a
    ///   test's folder of fake files); the affinity mask is always this process's.
    public static func detect(root: String = "/") -> UsableCPUs {
        UsableCPUs(logicalCPUs: onlineCPUs(), affinityCPUs: affinityCPUs(), quota: CgroupCPUQuota.read(root: root))
    }

    /// The CPUs in this process's affinity mask, or nil where it cannot be read (not Linux).
    public static func affinityCPUs() -> Int? {
        let count = tb_affinity_cpu_count()
        return count > 0 ? Int(count) : nil
    }

    /// The machine's online logical CPUs.
    public static func onlineCPUs() -> Int {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return online > 0 ? online : ProcessInfo.processInfo.processorCount
    }
}

extension CgroupCPUQuota {
    /// A CPU count with up to two decimals and no trailing zeros: 1.5, 2, 0.25.
    static func format(_ cpus: Double) -> String {
        var text = String(format: "%.2f", cpus)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
