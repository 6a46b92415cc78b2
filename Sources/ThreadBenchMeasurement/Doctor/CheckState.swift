import Foundation
/// What one machine check found: nothing to fix, something that makes numbers lie, or no answer.
public enum CheckState: String, Sendable, Codable, CaseIterable {
    /// The check could read what it needs and found nothing that skews measurements.
    case ok
    /// The check found something that skews or limits measurements; its advice says what to do.
    case warning
    /// A file the check needs was missing or unreadable (or malformed): no answer, never OK.
    case unknown
}
