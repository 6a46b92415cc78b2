import ThreadBenchMeasurement

/// Sizes and switches the workloads read; each has a default and a smaller `--quick` size.
public struct SuiteOptions: Sendable {
    /// Smaller work per task so the whole default suite finishes in seconds.
    public var quick = false
    /// Wait per `sleep` task in milliseconds.
    public var sleepMs: Double?
    /// The URL every `http` task GETs; nil starts the embedded fixture server.
    public var httpURL: String?
    /// The embedded server's delay before it answers, in milliseconds.
    public var httpDelayMs: Int?
    /// The embedded server's body size in bytes.
    public var httpBytes: Int?
    /// The longest one GET may take, in seconds.
    public var httpTimeoutSeconds: Double?
    /// Keep connections open between a thread's requests (HTTP keep-alive).
    public var httpReuse = true
    /// Bytes each `file` task writes, fsyncs and reads back.
    public var fileBytes: Int?
    /// The folder in which `file` makes its private temp folder; nil: the system temp folder.
    public var fileDir: String?
}

extension SuiteOptions {
    /// Options with every size at its workload's default, in quick sizes or not; set the
    /// others as properties (the suite's own code and its tests have the memberwise initialiser).
    public init(quick: Bool = false) {
        self.quick = quick
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
        ("http", { HTTPWorkload(options: $0) }),
        ("file", { FileWorkload(options: $0) }),
        ("convoy", { ConvoyWorkload(options: $0) }),
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

    /// The workloads of a comma-separated list (`math, sleep`), in its order; nil: every workload.
    /// - Throws: `SuiteError` naming an unknown workload and listing the known ones.
    public static func workloads(namedIn list: String?, options: SuiteOptions) throws -> [any Workload] {
        let names = list?.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try workloads(named: names ?? Suite.names, options: options)
    }

    /// Checks, before any batch runs, what the workloads need from outside the process
    /// (a reachable `--url`, a writable `--file-dir`), so a bad setting fails in one line
    /// and writes no CSV.
    /// - Throws: `SuiteError` with the first problem found.
    public static func preflight(_ workloads: [any Workload]) throws {
        for case let workload as any PreflightCheck in workloads {
            try workload.preflight()
        }
    }
}

/// A workload that can check its outside dependencies before a run starts.
protocol PreflightCheck {
    /// Throws `SuiteError` when the workload cannot run as configured.
    func preflight() throws
}
