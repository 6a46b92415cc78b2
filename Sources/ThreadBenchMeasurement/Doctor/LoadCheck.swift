import Foundation
/// The load average: how many threads wanted a CPU over the last minute.
public enum LoadCheck {
    /// The path read.
    public static let path = "/proc/loadavg"
    /// The 1-minute load above which the machine is called busy.
    public static let busyLoad = 0.5

    /// A warning when the 1-minute load is above `busyLoad` (other work ran just now), OK
    /// below, unknown when `/proc/loadavg` is missing or malformed.
    /// - Parameters:
    ///   - files: where to read.
    ///   - logicalCPUs: the machine's logical CPUs, for the sentence.
    public static func check(_ files: MachineFiles, logicalCPUs: Int) -> MachineCheck {
        guard let text = files.text(path) else { return .unreadable("load", path) }
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 3, let one = Double(fields[0]), let five = Double(fields[1]), let fifteen = Double(fields[2]) else {
            return .unreadable("load", path, why: "is malformed")
        }
        let detail = "load average \(fields[0]) \(fields[1]) \(fields[2]) (1, 5, 15 min) on \(logicalCPUs) logical CPUs"
        let values = ["load_1min": one, "load_5min": five, "load_15min": fifteen]
        guard one <= busyLoad else {
            return MachineCheck(name: "load", state: .warning, detail: detail,
                                advice: "other work is running; wait for a quiet machine or stop it (see other_processes)", values: values)
        }
        return MachineCheck(name: "load", state: .ok, detail: detail, values: values)
    }
}
