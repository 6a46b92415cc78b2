import Foundation

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
    /// The machine checks run before the first batch (`threadbench doctor`'s, without the A/A
    /// probe), compact: `cpus=ok;aslr=warning;governor=unknown`; empty in files from before.
    public var machineChecks = ""

    /// The checks of `machineChecks` as (name, state) pairs, in order.
    public var machineCheckStates: [(name: String, state: String)] {
        machineChecks.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }

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
