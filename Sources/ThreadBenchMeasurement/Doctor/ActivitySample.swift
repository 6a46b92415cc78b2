import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the machine's CPUs and processes had used at one moment; two make an interval.
public struct ActivitySample: Sendable {
    /// The machine's CPU times, nil when `/proc/stat` could not be read.
    public var machine: CPUTimes?
    /// Every readable process's CPU time, by pid; empty when `/proc` cannot be listed.
    public var processes: [Int: ProcessCPU]

    /// Creates a sample.
    public init(machine: CPUTimes?, processes: [Int: ProcessCPU]) {
        self.machine = machine
        self.processes = processes
    }

    /// Reads `/proc/stat` and, with `processes`, every `/proc/<pid>/stat`.
    /// - Parameters:
    ///   - files: where to read.
    ///   - processes: whether to read each process too (the doctor does; a batch does not).
    public static func take(_ files: MachineFiles, processes: Bool = true) -> ActivitySample {
        let machine = files.text("/proc/stat").flatMap(CPUTimes.parse(procStat:))
        var readings: [Int: ProcessCPU] = [:]
        if processes {
            for name in files.entries("/proc") ?? [] {
                guard let pid = Int(name), let text = files.text("/proc/\(pid)/stat"),
                      let reading = ProcessCPU.parse(stat: text) else { continue }
                readings[pid] = reading
            }
        }
        return ActivitySample(machine: machine, processes: readings)
    }

    /// Clock ticks per second (`_SC_CLK_TCK`, 100 on Linux).
    public static var ticksPerSecond: Double {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? Double(ticks) : 100
    }
}
