import Foundation

/// The CPU time a process's control group may use, in CPUs: quota / period.
///
/// Read from cgroup v2's `cpu.max` ("max 100000" is no limit, "150000 100000" is 1.5 CPUs)
/// and cgroup v1's `cpu.cfs_quota_us` / `cpu.cfs_period_us` (a quota of -1 is no limit).
/// The process's cgroup comes from `/proc/self/cgroup`; its files are looked for where
/// cgroups are normally mounted (`/sys/fs/cgroup`, `/sys/fs/cgroup/unified` for v2 beside
/// v1, `/sys/fs/cgroup/<controllers>` for v1). A parent cgroup's limit binds its children,
/// so every level from the process's cgroup up to the mount's root is read and the
/// smallest limit kept; in a container whose cgroup path is not visible inside it, only
/// the levels that exist are read (the container's own cgroup is the mount's root).
/// Missing, unreadable or malformed files are ignored.
public struct CgroupCPUQuota: Sendable, Equatable {
    /// CPU time allowed per unit of time, in CPUs (1.5 = one and a half CPUs).
    public var cpus: Double
    /// Which file set it: `.cgroupCPUMax` (v2) or `.cgroupV1Quota`.
    public var source: UsableCPUs.Limit

    /// What one quota file says.
    enum Reading: Equatable {
        case unlimited
        case cpus(Double)
    }

    /// The kernel's default period when `cpu.max` gives only the quota.
    static let defaultPeriodMicros = 100_000

    /// The tightest CPU quota on this process's cgroups, or nil when there is none.
    /// - Parameter root: the folder standing for `/` (a test's folder of fake files).
    public static func read(root: String = "/") -> CgroupCPUQuota? {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let membership = try? String(contentsOfFile: base + "/proc/self/cgroup", encoding: .utf8) else {
            return nil
        }
        var best: CgroupCPUQuota?
        func keep(_ cpus: Double?, _ source: UsableCPUs.Limit) {
            guard let cpus, cpus < (best?.cpus ?? .infinity) else { return }
            best = CgroupCPUQuota(cpus: cpus, source: source)
        }
        for line in membership.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[2].hasPrefix("/") else { continue }
            let controllers = fields[1].split(separator: ",").map(String.init)
            let path = String(fields[2])
            if fields[0] == "0" && controllers.isEmpty {
                for mount in ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"] {
                    keep(tightest(under: base + mount, path: path, read: cpuMax), .cgroupCPUMax)
                }
            } else if controllers.contains("cpu") {
                var names: [String] = []
                for name in [String(fields[1]), "cpu", "cpu,cpuacct", "cpuacct,cpu"] where !names.contains(name) {
                    names.append(name)
                    keep(tightest(under: base + "/sys/fs/cgroup/" + name, path: path, read: cfsQuota), .cgroupV1Quota)
                }
            }
        }
        return best
    }

    /// The smallest limit among the cgroup folders from `path` up to the mount `folder`.
    private static func tightest(under folder: String, path: String, read: (String) -> Reading?) -> Double? {
        var levels: [String] = []
        var components = path.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." }
        while true {
            levels.append(folder + (components.isEmpty ? "" : "/" + components.joined(separator: "/")))
            guard !components.isEmpty else { break }
            components.removeLast()
        }
        let limits = levels.compactMap { level -> Double? in
            if case .cpus(let cpus)? = read(level) { return cpus }
            return nil
        }
        return limits.min()
    }

    /// What `<folder>/cpu.max` says, or nil when it is missing or malformed.
    static func cpuMax(in folder: String) -> Reading? {
        guard let text = try? String(contentsOfFile: folder + "/cpu.max", encoding: .utf8) else { return nil }
        return parseCPUMax(text)
    }

    /// What `<folder>/cpu.cfs_quota_us` and `cpu.cfs_period_us` say, or nil when either is
    /// missing or malformed.
    static func cfsQuota(in folder: String) -> Reading? {
        guard let quota = try? String(contentsOfFile: folder + "/cpu.cfs_quota_us", encoding: .utf8) else {
            return nil
        }
        let period = try? String(contentsOfFile: folder + "/cpu.cfs_period_us", encoding: .utf8)
        return parseCFS(quota: quota, period: period)
    }

    /// Parses cgroup v2 `cpu.max`: "max", "max <period>", "<quota> <period>" or "<quota>",
    /// in microseconds; nil for anything else.
    static func parseCPUMax(_ text: String) -> Reading? {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 1 || fields.count == 2 else { return nil }
        let period = fields.count == 2 ? Int(fields[1]) : defaultPeriodMicros
        guard let period, period > 0 else { return nil }
        if fields[0] == "max" { return .unlimited }
        guard let quota = Int(fields[0]), quota > 0 else { return nil }
        return .cpus(Double(quota) / Double(period))
    }

    /// Parses cgroup v1 `cpu.cfs_quota_us` (-1: no limit) and `cpu.cfs_period_us`; nil for
    /// anything else (the period is needed only when there is a quota).
    static func parseCFS(quota quotaText: String, period periodText: String?) -> Reading? {
        guard let quota = Int(quotaText.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        if quota == -1 { return .unlimited }
        guard quota > 0, let periodText,
              let period = Int(periodText.trimmingCharacters(in: .whitespacesAndNewlines)), period > 0 else {
            return nil
        }
        return .cpus(Double(quota) / Double(period))
    }
}
