import Foundation

/// The machine a run came from, carried on every CSV row so files can be concatenated.
public struct MachineInfo: Sendable, Equatable {
    public var hostname: String
    public var os: String
    public var kernel: String
    public var arch: String
    public var cpuModel: String
    public var logicalCPUs: Int
    public var memoryBytes: UInt64

    /// Creates a description of a machine.
    public init(hostname: String, os: String, kernel: String, arch: String, cpuModel: String,
                logicalCPUs: Int, memoryBytes: UInt64) {
        self.hostname = hostname
        self.os = os
        self.kernel = kernel
        self.arch = arch
        self.cpuModel = cpuModel
        self.logicalCPUs = logicalCPUs
        self.memoryBytes = memoryBytes
    }

    /// Reads the machine this process runs on.
    public static func current() -> MachineInfo {
        var names = utsname()
        uname(&names)
        let kernel = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let arch = withUnsafeBytes(of: &names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let info = ProcessInfo.processInfo
        return MachineInfo(
            hostname: info.hostName,
            os: osName() ?? info.operatingSystemVersionString,
            kernel: kernel,
            arch: arch,
            cpuModel: cpuModelName() ?? "unknown",
            logicalCPUs: info.activeProcessorCount,
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
