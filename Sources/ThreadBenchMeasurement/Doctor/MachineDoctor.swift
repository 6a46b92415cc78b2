import Foundation
import ThreadBenchModel

/// Runs the machine checks of `threadbench doctor` and of every run, in a fixed order.
///
/// The cheap checks read files and sample `/proc` over a short interval; the doctor adds the
/// A/A probe. Each check reads through `MachineFiles`, so none needs root and a file it
/// cannot read makes it `unknown`.
public enum MachineDoctor {
    /// Every check's name, in the order they are listed.
    public static let checkNames = ["cpus", "smt", "governor", "boost", "aslr", "isolation", "virtualization",
                                    "load", "steal", "other_processes", "aa_probe"]

    /// The checks without the A/A probe.
    /// - Parameters:
    ///   - files: where to read (`.system()`: this machine).
    ///   - usable: this process's usable CPUs.
    ///   - probeSeconds: how long to watch steal and the other processes.
    public static func cheapChecks(files: MachineFiles = .system(), usable: UsableCPUs = .detect(),
                                   probeSeconds: Double) -> [MachineCheck] {
        let cpus = files.text("/proc/self/status").flatMap(CPUList.allowed(statusText:))
            ?? Array(0..<usable.logicalCPUs)
        var checks = [
            CPULimitCheck.check(usable),
            TopologyCheck.smt(files, cpus: cpus),
            FrequencyCheck.governor(files, cpus: cpus),
            FrequencyCheck.boost(files),
            ASLRCheck.check(files),
            IsolationCheck.check(files, cpus: cpus),
            VirtualizationCheck.check(files),
            LoadCheck.check(files, logicalCPUs: usable.logicalCPUs),
        ]
        let begin = Clock.nowNanos()
        let first = ActivitySample.take(files)
        Clock.sleep(nanos: Nanoseconds(max(0, probeSeconds) * 1e9))
        let second = ActivitySample.take(files)
        let wall = Clock.seconds(Clock.span(begin, Clock.nowNanos()))
        checks.append(ActivityCheck.steal(from: first, to: second, wallSeconds: wall))
        checks.append(ActivityCheck.otherProcesses(from: first, to: second, ownPID: Int(getpid()), wallSeconds: wall,
                                                   logicalCPUs: usable.logicalCPUs, ticksPerSecond: ActivitySample.ticksPerSecond))
        return checks
    }

    /// Every check: the cheap ones with a `probeSeconds` watch, then the A/A probe for `aaSeconds`.
    public static func allChecks(probeSeconds: Double, aaSeconds: Double) -> [MachineCheck] {
        cheapChecks(probeSeconds: probeSeconds) + [AAProbe.check(seconds: aaSeconds)]
    }

    /// The checks in the run's metadata: `name=state` joined by `;`, e.g. `cpus=ok;aslr=warning`.
    public static func compact(_ checks: [MachineCheck]) -> String {
        checks.map { "\($0.name)=\($0.state.rawValue)" }.joined(separator: ";")
    }
}
