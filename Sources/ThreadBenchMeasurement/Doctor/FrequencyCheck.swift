import Foundation
/// The CPU frequency governor and boost (turbo): both change a CPU's speed while it is measured.
public enum FrequencyCheck {
    /// The governor of each usable CPU (`cpuN/cpufreq/scaling_governor`): OK when every one is
    /// `performance`, a warning for any other, unknown when none can be read (no cpufreq
    /// driver, common in virtual machines where the host sets the frequency).
    /// - Parameters:
    ///   - files: where to read.
    ///   - cpus: the usable CPUs.
    public static func governor(_ files: MachineFiles, cpus: [Int]) -> MachineCheck {
        var byGovernor: [String: [Int]] = [:]
        var unread: [Int] = []
        for cpu in cpus {
            if let governor = files.trimmed("/sys/devices/system/cpu/cpu\(cpu)/cpufreq/scaling_governor"), !governor.isEmpty {
                byGovernor[governor, default: []].append(cpu)
            } else {
                unread.append(cpu)
            }
        }
        let seen = byGovernor.keys.sorted().map { "\($0) on \(CPUList.named(byGovernor[$0]!))" }.joined(separator: ", ")
        let slow = byGovernor.keys.filter { $0 != "performance" }
        if !slow.isEmpty {
            return MachineCheck(name: "governor", state: .warning, detail: "frequency governor \(seen)",
                                advice: "the CPU speed follows the load; set it fixed with `sudo cpupower frequency-set -g performance` (or `pyperf system tune`)")
        }
        guard unread.isEmpty else {
            return MachineCheck(name: "governor", state: .unknown,
                                detail: "no scaling_governor readable for \(CPUList.named(unread)) (no cpufreq driver: a VM's host sets the frequency)")
        }
        return MachineCheck(name: "governor", state: .ok, detail: "frequency governor \(seen)")
    }

    /// Boost (turbo): `cpufreq/boost` (1 on) or `intel_pstate/no_turbo` (0 on). On is a
    /// warning, off OK, neither file unknown.
    public static func boost(_ files: MachineFiles) -> MachineCheck {
        let advice = "turbo speeds depend on temperature and on how many cores are busy, so 1 thread runs faster than N; turn it off for the run"
        // (file, the value meaning on, the value meaning off)
        let switches = [("/sys/devices/system/cpu/cpufreq/boost", "1", "0"), ("/sys/devices/system/cpu/intel_pstate/no_turbo", "0", "1")]
        for (path, on, off) in switches {
            guard let text = files.trimmed(path) else { continue }
            let name = path.split(separator: "/").suffix(2).joined(separator: "/")
            switch text {
            case on: return MachineCheck(name: "boost", state: .warning, detail: "boost on (\(name) = \(text))",
                                         advice: advice + " (`echo \(off) | sudo tee \(path)`)")
            case off: return MachineCheck(name: "boost", state: .ok, detail: "boost off (\(name) = \(text))")
            default: return .unreadable("boost", path, why: "says \"\(text)\"")
            }
        }
        return MachineCheck(name: "boost", state: .unknown,
                            detail: "neither cpufreq/boost nor intel_pstate/no_turbo is readable")
    }
}
