import Foundation

/// Reads the limits that bound how many threads a process may create, for error messages.
public enum ThreadLimits {
    /// The soft "Max processes" limit (RLIMIT_NPROC) from /proc/self/limits, or "unknown".
    public static func processLimitText() -> String { softLimit("Max processes") }

    /// The soft "Max address space" limit (RLIMIT_AS) from /proc/self/limits, or "unknown".
    public static func addressSpaceLimitText() -> String { softLimit("Max address space") }

    private static func softLimit(_ name: String) -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/limits", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let fields = line.dropFirst(name.count).split(separator: " ")
            if let soft = fields.first { return String(soft) }
        }
        return "unknown"
    }

    /// /proc/sys/kernel/threads-max as text, or "unknown".
    public static func kernelThreadsMaxText() -> String {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/threads-max", encoding: .utf8) else {
            return "unknown"
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
