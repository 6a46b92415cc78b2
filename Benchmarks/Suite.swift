import ThreadBenchCore

/// Sizes and switches the workloads read; each has a default and a smaller `--quick` size.
public struct SuiteOptions: Sendable {
    /// Smaller work per task so the whole default suite finishes in seconds.
    public var quick: Bool
    /// Wait per `sleep` task in milliseconds.
    public var sleepMs: Double?

    /// Creates options; nil sizes take each workload's default for the chosen mode.
    public init(quick: Bool = false, sleepMs: Double? = nil) {
        self.quick = quick
        self.sleepMs = sleepMs
    }
}

/// Why the suite cannot be assembled as asked.
public struct SuiteError: Error, CustomStringConvertible {
    public let description: String
}

/// The registry of workloads: adding one means adding its file and one line here.
public enum Suite {
    /// Every workload's name with a factory, in the order the default suite runs them.
    static let registry: [(name: String, make: @Sendable (SuiteOptions) -> any Workload)] = [
        ("math", { MathWorkload(options: $0) }),
        ("primes", { PrimesWorkload(options: $0) }),
        ("sleep", { SleepWorkload(options: $0) }),
    ]

    /// The workload names, in suite order.
    public static var names: [String] { registry.map(\.name) }

    /// Every workload with the given options, for `list` and the default suite.
    public static func all(_ options: SuiteOptions) -> [any Workload] {
        registry.map { $0.make(options) }
    }

    /// The named workloads, in the order given.
    /// - Throws: `SuiteError` naming an unknown workload and listing the known ones.
    public static func workloads(named names: [String], options: SuiteOptions) throws -> [any Workload] {
        try names.map { name in
            guard let entry = registry.first(where: { $0.name == name }) else {
                throw SuiteError(description: "unknown workload '\(name)'; known: \(Suite.names.joined(separator: ", "))")
            }
            return entry.make(options)
        }
    }
}
