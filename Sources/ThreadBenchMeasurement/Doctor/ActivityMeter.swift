import Foundation
import ThreadBenchModel

/// Steal and the rest of the machine's CPU between laps, for each batch's record.
///
/// Reads `/proc/stat` (the machine) and `/proc/self/stat` (this process, every thread) at
/// creation and at each lap; a lap returns what happened since the previous one. The
/// kernel counts in clock ticks (10 ms at 100 Hz), so a short batch's figures are coarse.
/// Where a file cannot be read, a lap returns nils.
final class ActivityMeter {
    private let files: MachineFiles
    private let ticksPerSecond = ActivitySample.ticksPerSecond
    private var last: (machine: CPUTimes, own: UInt64)?

    /// Starts the first lap now.
    init(files: MachineFiles = .system()) {
        self.files = files
        last = read()
    }

    /// The steal seconds and the other processes' CPU seconds since the last lap, and starts the next.
    func lap() -> (stealSeconds: Double?, otherCPUSeconds: Double?) {
        let now = read()
        defer { last = now }
        guard let before = last, let now, let spent = now.machine.since(before.machine), now.own >= before.own else {
            return (nil, nil)
        }
        let other = spent.busyTicks &- min(now.own - before.own, spent.busyTicks)
        return (Double(spent.stealTicks) / ticksPerSecond, Double(other) / ticksPerSecond)
    }

    /// Stamps `record` with the lap that ends now; the other processes' CPU stays nil for a
    /// runtime whose work runs in a child process (the CPython driver), which would count as other.
    func stamp(_ record: inout BatchRecord) {
        let (steal, other) = lap()
        record.stealSeconds = steal
        record.otherCPUSeconds = record.runtime.runsInPythonDriver ? nil : other
    }

    private func read() -> (machine: CPUTimes, own: UInt64)? {
        guard let machine = files.text("/proc/stat").flatMap(CPUTimes.parse(procStat:)),
              let stat = files.text("/proc/self/stat"), let own = ProcessCPU.parse(stat: stat) else { return nil }
        return (machine, own.ticks + Self.reapedChildrenTicks(stat: stat))
    }

    /// The CPU of this process's children that have ended and been waited for (`cutime` and
    /// `cstime`, the 16th and 17th fields): a round run in a fresh process (`--swift-rounds
    /// fresh`) is this run's own work, not the rest of the machine's. Zero when malformed.
    static func reapedChildrenTicks(stat text: String) -> UInt64 {
        guard let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 14, let user = UInt64(fields[13]), let system = UInt64(fields[14]) else { return 0 }
        return user + system
    }
}
