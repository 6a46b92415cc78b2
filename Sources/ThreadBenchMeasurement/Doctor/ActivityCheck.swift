import Foundation
import ThreadBenchModel
/// Steal time and the other processes' CPU over an interval, from two `ActivitySample`s.
public enum ActivityCheck {
    /// Steal over the interval: a warning above `MachineCheck.disturbanceLimit` of the
    /// machine's CPU time, OK below, unknown without two `/proc/stat` readings.
    public static func steal(from start: ActivitySample, to end: ActivitySample, wallSeconds: Double) -> MachineCheck {
        guard let first = start.machine, let last = end.machine, let spent = last.since(first), spent.totalTicks > 0 else {
            return .unreadable("steal", "/proc/stat")
        }
        let fraction = Double(spent.stealTicks) / Double(spent.totalTicks)
        let detail = "steal \(percent(fraction)) of the CPU time over a \(seconds(wallSeconds)) probe"
        let values = ["steal_fraction": fraction, "probe_s": wallSeconds]
        return .limited("steal", fraction: fraction, detail: detail, values: values,
                        advice: "the hypervisor gave this VM's CPUs to other guests; its timings vary with the neighbours, use a dedicated host or instance")
    }

    /// The CPU the rest of the machine used over the interval (all busy time less this
    /// process's) and the three busiest other processes: a warning above
    /// `MachineCheck.disturbanceLimit` of the machine's CPU time, unknown without `/proc/stat`.
    /// - Parameters:
    ///   - start: the first sample.
    ///   - end: the second.
    ///   - ownPID: this process, left out.
    ///   - wallSeconds: the time between the samples.
    ///   - logicalCPUs: the machine's logical CPUs.
    ///   - ticksPerSecond: the kernel's clock ticks per second.
    public static func otherProcesses(from start: ActivitySample, to end: ActivitySample, ownPID: Int, wallSeconds: Double,
                                      logicalCPUs: Int, ticksPerSecond: Double) -> MachineCheck {
        guard let first = start.machine, let last = end.machine, let spent = last.since(first), wallSeconds > 0 else {
            return .unreadable("other_processes", "/proc/stat")
        }
        func used(_ pid: Int) -> UInt64 {
            guard let after = end.processes[pid], let before = start.processes[pid], after.ticks >= before.ticks else { return 0 }
            return after.ticks - before.ticks
        }
        let ownTicks = used(ownPID)
        let otherSeconds = Double(spent.busyTicks &- min(ownTicks, spent.busyTicks)) / ticksPerSecond
        let fraction = otherSeconds / (wallSeconds * Double(max(1, logicalCPUs)))
        var others: [(pid: Int, ticks: UInt64)] = []
        for pid in end.processes.keys where pid != ownPID && used(pid) > 0 { others.append((pid, used(pid))) }
        others.sort { $0.ticks != $1.ticks ? $0.ticks > $1.ticks : $0.pid < $1.pid }
        var busiest: [String] = []
        for other in others.prefix(3) {
            let command = end.processes[other.pid]?.command ?? "?"
            busiest.append("\(command) (pid \(other.pid), \(seconds(Double(other.ticks) / ticksPerSecond)))")
        }
        let names = busiest.isEmpty ? "" : "; busiest: " + busiest.joined(separator: ", ")
        let detail = "other processes used \(seconds(otherSeconds)) of CPU in \(seconds(wallSeconds)) (\(percent(fraction)) of \(logicalCPUs) CPUs)\(names)"
        let values = [SharedFigureNames.otherCPUSeconds: otherSeconds, "other_fraction": fraction]
        return .limited("other_processes", fraction: fraction, detail: detail, values: values,
                        advice: "other work competes for the CPUs; stop it or wait for a quiet machine")
    }

    /// A fraction as a percent with one decimal: 0.0123 is "1.2%".
    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// Seconds with two decimals: "1.00 s".
    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
