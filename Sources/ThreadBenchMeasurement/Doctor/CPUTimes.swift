import Foundation
/// The machine's CPU time by kind, from the aggregate `cpu` line of `/proc/stat`, in clock ticks.
///
/// The fields are user, nice, system, idle, iowait, irq, softirq, steal (guest time is
/// already counted in user). Steal is time a virtual CPU wanted to run but the host ran
/// something else.
public struct CPUTimes: Sendable, Equatable {
    /// Every tick counted: user through steal.
    public var totalTicks: UInt64
    /// Ticks no CPU had work: idle and iowait.
    public var idleTicks: UInt64
    /// Ticks the hypervisor took.
    public var stealTicks: UInt64

    /// Ticks some process or the kernel ran: total less idle and steal.
    public var busyTicks: UInt64 { totalTicks &- idleTicks &- stealTicks }

    /// Creates a reading.
    public init(totalTicks: UInt64, idleTicks: UInt64, stealTicks: UInt64) {
        self.totalTicks = totalTicks
        self.idleTicks = idleTicks
        self.stealTicks = stealTicks
    }

    /// Parses the `cpu ` line of `/proc/stat`; nil when it is missing or has fewer than 8
    /// numbers (a kernel before steal was counted).
    public static func parse(procStat text: String) -> CPUTimes? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let numbers = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard numbers.count >= 8 else { return nil }
        return CPUTimes(totalTicks: numbers[0..<8].reduce(0, +), idleTicks: numbers[3] + numbers[4], stealTicks: numbers[7])
    }

    /// The ticks from `earlier` to this reading, nil if a counter went backwards.
    public func since(_ earlier: CPUTimes) -> CPUTimes? {
        guard totalTicks >= earlier.totalTicks, idleTicks >= earlier.idleTicks, stealTicks >= earlier.stealTicks else {
            return nil
        }
        return CPUTimes(totalTicks: totalTicks - earlier.totalTicks, idleTicks: idleTicks - earlier.idleTicks,
                        stealTicks: stealTicks - earlier.stealTicks)
    }
}
