import Foundation

/// The machine a run came from, carried on every CSV row so files can be concatenated.
public struct MachineInfo: Sendable, Equatable {
    public var hostname: String
    public var os: String
    public var kernel: String
    public var arch: String
    public var cpuModel: String
    public var logicalCPUs: Int
    /// CPUs the run could keep busy at once: the logical CPUs narrowed by the affinity mask
    /// and any cgroup CPU quota (`UsableCPUs`); the bound on computation's speedup.
    public var usableCPUs: Int
    /// The limit that set `usableCPUs`; nil when every logical CPU was usable.
    public var cpuLimit: UsableCPUs.Limit?
    public var memoryBytes: UInt64

    /// Creates a description of a machine; `usableCPUs` nil (a file from before they were
    /// recorded) means all the logical CPUs, with no limit.
    public init(hostname: String, os: String, kernel: String, arch: String, cpuModel: String,
                logicalCPUs: Int, usableCPUs: Int? = nil, cpuLimit: UsableCPUs.Limit? = nil, memoryBytes: UInt64) {
        self.hostname = hostname
        self.os = os
        self.kernel = kernel
        self.arch = arch
        self.cpuModel = cpuModel
        self.logicalCPUs = logicalCPUs
        self.usableCPUs = usableCPUs ?? logicalCPUs
        self.cpuLimit = usableCPUs == nil ? nil : cpuLimit
        self.memoryBytes = memoryBytes
    }

    /// The limit in words for the CSV's `cpu_limit`: "none", "affinity mask", "cgroup cpu.max"
    /// or "cgroup v1 quota".
    public var cpuLimitText: String { cpuLimit?.rawValue ?? "none" }

    /// The CPUs that bound computation, for sentences: "2 cores" when nothing limits them,
    /// else e.g. "1 usable CPU (affinity mask)".
    public var usableCPUsText: String { Self.cpusText(usableCPUs, limit: cpuLimit) }

    /// "2 cores" when nothing limits them, else e.g. "1 usable CPU (affinity mask)".
    public static func cpusText(_ usable: Int, limit: UsableCPUs.Limit?) -> String {
        guard let limit else { return "\(usable) cores" }
        return "\(usable) usable CPU\(usable == 1 ? "" : "s") (\(limit.rawValue))"
    }

    /// Reads the machine this process runs on.
    public static func current() -> MachineInfo {
        var names = utsname()
        uname(&names)
        let kernel = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let arch = withUnsafeBytes(of: &names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let info = ProcessInfo.processInfo
        let usable = UsableCPUs.detect()
        return MachineInfo(
            hostname: info.hostName,
            os: osName() ?? info.operatingSystemVersionString,
            kernel: kernel,
            arch: arch,
            cpuModel: cpuModelName() ?? "unknown",
            logicalCPUs: usable.logicalCPUs,
            usableCPUs: usable.count,
            cpuLimit: usable.limit,
            memoryBytes: info.physicalMemory
        )
    }

    private static func osName() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    private static func cpuModelName() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") || line.hasPrefix("Model") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
