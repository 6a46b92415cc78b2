import Foundation
import ThreadBenchModel

/// The affinity mask and cgroup CPU quota (`UsableCPUs`): how many threads can run at once.
public enum CPULimitCheck {
    /// A warning when only 1 CPU is usable (threads cannot run in parallel) or a fractional
    /// quota throttles them; OK otherwise.
    public static func check(_ usable: UsableCPUs) -> MachineCheck {
        let values: [String: Double] = [SharedFigureNames.usableCPUs: Double(usable.count),
                                        SharedFigureNames.logicalCPUs: Double(usable.logicalCPUs)]
        if usable.count == 1 {
            return MachineCheck(name: "cpus", state: .warning,
                                detail: "\(usable): threads cannot run in parallel",
                                advice: "computation cannot speed up with threads here; run without `taskset`, or give the container more CPUs", values: values)
        }
        if let quota = usable.quota, quota.cpus.rounded() != quota.cpus {
            return MachineCheck(name: "cpus", state: .warning, detail: "\(usable): a fractional quota throttles the threads within each period",
                                advice: "give the cgroup a whole number of CPUs", values: values)
        }
        return MachineCheck(name: "cpus", state: .ok, detail: "\(usable)", values: values)
    }
}
