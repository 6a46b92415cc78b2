import Foundation
/// The kernel's CPU list format (`0-3,8,10-11`), as in `thread_siblings_list` and `isolated`.
public enum CPUList {
    /// The CPUs in `text`, sorted; nil when it is malformed. Empty text is no CPUs.
    public static func parse(_ text: String) -> [Int]? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        var cpus: Set<Int> = []
        for part in trimmed.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard let low = Int(bounds[0]), low >= 0 else { return nil }
            switch bounds.count {
            case 1: cpus.insert(low)
            case 2:
                guard let high = Int(bounds[1]), high >= low, high - low < 65_536 else { return nil }
                cpus.formUnion(low...high)
            default: return nil
            }
        }
        return cpus.sorted()
    }

    /// The CPUs written back in the kernel's format, runs joined: [0, 1, 2, 5] is "0-2,5".
    public static func format(_ cpus: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = Array(Set(cpus)).sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ",")
    }

    /// "CPU 0" or "CPUs 0-3,5": the word and the list.
    public static func named(_ cpus: [Int]) -> String {
        (cpus.count == 1 ? "CPU " : "CPUs ") + format(cpus)
    }

    /// The CPUs this process may run on, from `Cpus_allowed_list` in `/proc/self/status`.
    public static func allowed(statusText: String) -> [Int]? {
        for line in statusText.split(separator: "\n") where line.hasPrefix("Cpus_allowed_list:") {
            return parse(String(line.dropFirst("Cpus_allowed_list:".count)))
        }
        return nil
    }
}
