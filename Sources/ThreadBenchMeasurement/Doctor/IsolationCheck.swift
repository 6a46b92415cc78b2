import Foundation
/// Isolated CPUs (`isolcpus=`, `/sys/devices/system/cpu/isolated`) and `nohz_full=` from the
/// kernel command line: CPUs the scheduler keeps other work off.
public enum IsolationCheck {
    /// The path of the isolated CPU list.
    public static let path = "/sys/devices/system/cpu/isolated"

    /// A warning when CPUs are isolated but this process may also run on others (it is not
    /// pinned to them); OK when none are isolated or it runs only on isolated ones; unknown
    /// when the list cannot be read.
    /// - Parameters:
    ///   - files: where to read.
    ///   - cpus: the usable CPUs.
    public static func check(_ files: MachineFiles, cpus: [Int]) -> MachineCheck {
        guard let text = files.text(path), let isolated = CPUList.parse(text) else { return .unreadable("isolation", path) }
        let nohz = files.text("/proc/cmdline").flatMap(nohzFull) ?? "none"
        let tail = "nohz_full: \(nohz)"
        guard !isolated.isEmpty else {
            return MachineCheck(name: "isolation", state: .ok, detail: "no isolated CPUs; \(tail)",
                                advice: "for quieter numbers boot with `isolcpus=` and `nohz_full=` and pin the run with `taskset -c`")
        }
        let outside = cpus.filter { !isolated.contains($0) }
        guard outside.isEmpty else {
            return MachineCheck(name: "isolation", state: .warning,
                                detail: "CPUs \(CPUList.format(isolated)) are isolated but this process may run on \(CPUList.format(outside)) too; \(tail)",
                                advice: "pin the run to the isolated CPUs: `taskset -c \(CPUList.format(isolated)) threadbench ...`")
        }
        return MachineCheck(name: "isolation", state: .ok, detail: "running only on isolated CPUs \(CPUList.format(isolated)); \(tail)")
    }

    /// The value of `nohz_full=` in a kernel command line, nil when absent.
    public static func nohzFull(_ cmdline: String) -> String? {
        cmdline.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("nohz_full=") }.map { String($0.dropFirst(10)) }
    }
}
