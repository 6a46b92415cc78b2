import Foundation
/// Address-space layout randomisation (`/proc/sys/kernel/randomize_va_space`).
public enum ASLRCheck {
    /// The path read.
    public static let path = "/proc/sys/kernel/randomize_va_space"

    /// 0 (off) is OK; 1 or 2 (on) a warning, as google/benchmark warns; anything else unknown.
    public static func check(_ files: MachineFiles) -> MachineCheck {
        guard let text = files.trimmed(path) else { return .unreadable("aslr", path) }
        switch text {
        case "0": return MachineCheck(name: "aslr", state: .ok, detail: "ASLR off (randomize_va_space = 0)")
        case "1", "2":
            return MachineCheck(name: "aslr", state: .warning, detail: "ASLR on (randomize_va_space = \(text))",
                                advice: "addresses, and so cache and alignment effects, differ between runs; run under `setarch -R threadbench ...` to turn it off for one run")
        default: return .unreadable("aslr", path, why: "says \"\(text)\"")
        }
    }
}
