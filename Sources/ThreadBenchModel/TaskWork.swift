/// What one task of a batch does: an amount in a unit ("600000 iterations", "3 ms"),
/// recorded in every row so that only rows of the same work are compared.
public struct TaskWork: Sendable, Hashable, CustomStringConvertible {
    /// How much, in `unit`; 0 with an empty unit when not known.
    public var amount: Double
    /// What `amount` counts: "iterations", "integers", "ms sleep"; empty when not known. Kept
    /// free of commas, so that a CSV split naively on commas still lines up.
    public var unit: String

    /// Work whose size is not known: rows of version-1 files, workloads that do not say.
    public static let unspecified = TaskWork(amount: 0, unit: "")

    /// Creates a task's work.
    public init(amount: Double, unit: String) {
        self.amount = amount
        self.unit = unit
    }

    /// Whether the size is known.
    public var isSpecified: Bool { !unit.isEmpty }

    /// "600000 iterations", or "unknown".
    public var description: String {
        guard isSpecified else { return "unknown" }
        let number = amount == amount.rounded() && abs(amount) < 1e15 ? String(Int(amount)) : String(amount)
        return "\(number) \(unit)"
    }
}

/// A size per runtime: one for the Swift runtimes, one for CPython.
///
/// Computation costs about 70 times more per iteration in CPython than in Swift, so the
/// same iterations would make a CPython batch last a minute where a Swift one lasts a
/// second. Each runtime gets its own fixed size instead, chosen so that a 1-thread batch
/// lasts about the same in each; fixed in the code, not measured per machine, so that the
/// same row is the same work everywhere. `swift` and `swift-gil` share the Swift size: the
/// emulated lock costs one poll per small unit of work.
public struct RuntimeSizes<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The size under `swift` and `swift-gil` (and any runtime that is not CPython).
    public var swift: Value
    /// The size under every CPython runtime.
    public var cpython: Value

    /// Creates the sizes.
    public init(swift: Value, cpython: Value) {
        self.swift = swift
        self.cpython = cpython
    }

    /// The same size under every runtime.
    public init(everywhere value: Value) {
        self.init(swift: value, cpython: value)
    }

    /// The size under `runtime`.
    public subscript(runtime: Runtime) -> Value {
        runtime.isCPython ? cpython : swift
    }
}
