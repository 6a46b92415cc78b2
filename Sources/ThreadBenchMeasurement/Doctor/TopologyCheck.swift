import Foundation
/// SMT (hyper-threading): whether two usable CPUs are threads of one core.
public enum TopologyCheck {
    /// Reads `cpuN/topology/thread_siblings_list` for each usable CPU: a warning when two
    /// usable CPUs share a core, OK when none do, unknown when a list cannot be read.
    /// - Parameters:
    ///   - files: where to read.
    ///   - cpus: the usable CPUs.
    public static func smt(_ files: MachineFiles, cpus: [Int]) -> MachineCheck {
        let usable = Set(cpus)
        var shared: [[Int]] = []
        for cpu in cpus {
            let path = "/sys/devices/system/cpu/cpu\(cpu)/topology/thread_siblings_list"
            guard let text = files.text(path), let siblings = CPUList.parse(text) else {
                return .unreadable("smt", path)
            }
            let group = siblings.filter(usable.contains)
            if group.count > 1 && !shared.contains(group) { shared.append(group) }
        }
        guard shared.isEmpty else {
            let groups = shared.map(CPUList.format).joined(separator: "; ")
            return MachineCheck(name: "smt", state: .warning,
                                detail: "usable CPUs share cores (SMT siblings: \(groups)); \(cpus.count - shared.reduce(0) { $0 + $1.count - 1 }) physical cores",
                                advice: "two threads on one core share its execution units: read speedups above the core count as SMT, or pin one CPU per core with `taskset -c`",
                                values: ["physical_cores": Double(cpus.count - shared.reduce(0) { $0 + $1.count - 1 })])
        }
        return MachineCheck(name: "smt", state: .ok, detail: cpus.count == 1 ? "1 usable CPU (\(CPUList.named(cpus))): no sibling to share its core"
                                : "no two usable CPUs (\(CPUList.format(cpus))) share a core",
                            values: ["physical_cores": Double(cpus.count)])
    }
}
