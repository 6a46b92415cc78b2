import Foundation
import ThreadBenchModel
/// One finding of `threadbench doctor`: a named check, its state, what it saw and what to do.
public struct MachineCheck: Sendable, Equatable, Codable {
    /// A short stable name for machines and the run's metadata: `governor`, `steal`, `aa_probe`.
    public var name: String
    /// OK, a warning or unknown.
    public var state: CheckState
    /// What the check saw, in one sentence.
    public var detail: String
    /// What to do about a warning (or how to get an answer for an unknown); nil when nothing.
    public var advice: String?
    /// The figures behind the detail for machines (`steal_fraction`, `load_1min`), by name.
    public var values: [String: Double]

    /// Creates a finding.
    public init(name: String, state: CheckState, detail: String, advice: String? = nil, values: [String: Double] = [:]) {
        self.name = name
        self.state = state
        self.detail = detail
        self.advice = advice
        self.values = values
    }

    /// An unknown finding for a file that could not be read.
    /// - Parameters:
    ///   - name: the check's name.
    ///   - path: the file that was missing or unreadable.
    public static func unreadable(_ name: String, _ path: String, why: String = "missing or unreadable") -> MachineCheck {
        MachineCheck(name: name, state: .unknown, detail: "\(path) \(why)")
    }

    /// A warning with `advice` when `fraction` is above `disturbanceLimit`, else OK.
    public static func limited(_ name: String, fraction: Double, detail: String, values: [String: Double],
                               advice: String) -> MachineCheck {
        let over = fraction > disturbanceLimit
        return MachineCheck(name: name, state: over ? .warning : .ok, detail: detail, advice: over ? advice : nil, values: values)
    }

    /// The share of the machine's CPU time taken by steal or by other processes above which
    /// a probe is flagged: the limit that flags a summary cell, 5%.
    public static let disturbanceLimit = Disturbance.limit
}
