import Foundation
import ThreadBenchMeasurement

/// Turns the machine checks into the text of `threadbench doctor`, or its `--json`.
public struct DoctorReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// One line per check (state, name, what it saw), each warning's advice under it, then a
    /// count of warnings and unknowns.
    public func render(_ checks: [MachineCheck]) -> String {
        let width = max(8, checks.map(\.name.count).max() ?? 0)
        var lines: [String] = []
        for check in checks {
            let state = label(check.state).padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append("\(state) \(check.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.detail)")
            if check.state != .ok, let advice = check.advice {
                lines.append(String(repeating: " ", count: width + 11) + "-> " + advice)
            }
        }
        let warnings = checks.filter { $0.state == .warning }.count
        let unknown = checks.filter { $0.state == .unknown }.count
        lines.append("\(checks.count) checks: \(checks.count - warnings - unknown) OK, \(warnings) warning\(warnings == 1 ? "" : "s"), "
                     + "\(unknown) unknown (a file missing or unreadable: no answer, not OK)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"checks": [{"name", "state", "detail", "advice", "values"}, ...]}`, keys sorted.
    /// - Throws: an encoding error (a value that is not finite).
    public func renderJSON(_ checks: [MachineCheck]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(["checks": checks]), as: UTF8.self) + "\n"
    }

    /// The state as printed: OK, WARNING, unknown.
    private func label(_ state: CheckState) -> String {
        switch state {
        case .ok: return "OK"
        case .warning: return "WARNING"
        case .unknown: return "unknown"
        }
    }
}
