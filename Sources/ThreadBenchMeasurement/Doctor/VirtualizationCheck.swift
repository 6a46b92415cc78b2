import Foundation
/// Whether this is a virtual machine: the `hypervisor` CPU flag, and the DMI vendor and product.
public enum VirtualizationCheck {
    /// A warning under a hypervisor (its other guests can take CPU time: steal), OK on bare
    /// metal, unknown when `/proc/cpuinfo` has no flags line to tell.
    public static func check(_ files: MachineFiles) -> MachineCheck {
        guard let cpuinfo = files.text("/proc/cpuinfo") else { return .unreadable("virtualization", "/proc/cpuinfo") }
        let vendor = files.trimmed("/sys/class/dmi/id/sys_vendor")
        let product = files.trimmed("/sys/class/dmi/id/product_name")
        let named = [vendor, product].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let dmi = named.isEmpty ? "DMI vendor and product unreadable" : "DMI: \(named)"
        guard let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else {
            return MachineCheck(name: "virtualization", state: .unknown, detail: "/proc/cpuinfo has no flags line; \(dmi)")
        }
        let hypervisor = flags.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains("hypervisor")
        guard hypervisor else {
            return MachineCheck(name: "virtualization", state: .ok, detail: "no hypervisor flag: bare metal; \(dmi)")
        }
        return MachineCheck(name: "virtualization", state: .warning, detail: "a virtual machine (hypervisor flag); \(dmi)",
                            advice: "the host's other guests can take CPU time (see steal) and vCPUs may share cores; compare runs from the same VM type only")
    }
}
