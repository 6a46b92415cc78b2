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

/// Facts about this build of ThreadBench.
public enum BuildInfo {
    /// ThreadBench's version.
    public static let version = "0.1.0"

    /// "release" for optimised builds, "debug" otherwise; a debug-build figure is not a result.
    public static var configuration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    /// The Swift compiler this binary was built with (major.minor).
    public static var swiftVersion: String {
        #if compiler(>=6.4)
        return "6.4+"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}

/// The metadata shared by every row of one run.
public struct RunMetadata: Sendable {
    /// A unique id for the run.
    public var runID: String
    /// When the run started, ISO 8601 UTC.
    public var startedAt: String
    /// The user's label for the machine or experiment (`--label`), by default the hostname.
    public var hostLabel: String
    /// The machine.
    public var machine: MachineInfo
    /// The median cost of spawning and joining one empty thread through `BenchThread`, in µs.
    public var spawnJoinFloorMicros: Double

    /// Creates the metadata of a run starting now.
    public init(hostLabel: String?, machine: MachineInfo, spawnJoinFloorMicros: Double, now: Date = Date()) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.startedAt = formatter.string(from: now)
        self.runID = UUID().uuidString.lowercased()
        self.hostLabel = hostLabel ?? machine.hostname
        self.machine = machine
        self.spawnJoinFloorMicros = spawnJoinFloorMicros
    }
}
