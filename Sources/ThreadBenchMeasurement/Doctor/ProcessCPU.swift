import Foundation
/// One process's CPU time so far, from `/proc/<pid>/stat`.
public struct ProcessCPU: Sendable, Equatable {
    /// The process id.
    public var pid: Int
    /// The command name (`comm`, at most 15 bytes).
    public var command: String
    /// User plus system time, in clock ticks.
    public var ticks: UInt64

    /// Parses one `/proc/<pid>/stat` line: `pid (comm) state ...` with utime and stime the
    /// 14th and 15th fields. The command may hold spaces and parentheses, so the fields are
    /// counted after its last `)`. Nil when malformed.
    public static func parse(stat text: String) -> ProcessCPU? {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close,
              let pid = Int(text[..<open].trimmingCharacters(in: .whitespaces)) else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        return ProcessCPU(pid: pid, command: String(text[text.index(after: open)..<close]), ticks: user + system)
    }
}
