import Foundation

/// Everything a run session needs: what to measure, how often, and where the files go.
///
/// A front end (the CLI) gathers the values, calls `check()`, and hands the result to
/// `RunSession`; nothing here parses text or names a command-line flag.
public struct RunConfiguration: Sendable {
    /// Measured batches per workload, runtime and thread count when none are asked for.
    public static let defaultRepetitions = 5
    /// The same in a quick run.
    public static let quickRepetitions = 3

    /// The workloads, run in this order.
    public var workloads: [any Workload]
    /// The runtimes and, for cpython, the interpreter.
    public var runtimes: RuntimeSelection
    /// The thread counts asked for (the plan adds 1 and sorts them).
    public var threadCounts: [Int]
    /// Measured batches per workload, runtime and thread count.
    public var repetitions: Int
    /// Discarded warm-up batches per workload, runtime and thread count.
    public var warmup: Int
    /// Total tasks (strong) or tasks per thread (weak); nil takes each workload's default.
    public var tasks: Int?
    /// Strong or weak scaling.
    public var scaling: Scaling
    /// The emulated GIL's switch interval in milliseconds.
    public var switchIntervalMs: Double
    /// Seconds a batch may run before its threads count as timed out.
    public var batchTimeoutSeconds: Seconds
    /// The folder the CSVs and the chart go to (created if missing).
    public var outFolder: String
    /// The label of this machine or experiment; nil takes the hostname.
    public var hostLabel: String?
    /// Checks, before any batch, what the workloads need from outside the process.
    public var preflight: @Sendable ([any Workload]) throws -> Void
    /// The path of the CPython driver script; asked for only when cpython runs.
    public var pythonDriverPath: @Sendable () throws -> String

    /// Creates a configuration; `repetitions` nil takes 5, or 3 when `quick`.
    public init(
        workloads: [any Workload] = [], runtimes: RuntimeSelection, threadCounts: [Int], repetitions: Int? = nil,
        quick: Bool = false, warmup: Int = 1, tasks: Int? = nil, scaling: Scaling = .strong,
        switchIntervalMs: Double = 5, batchTimeoutSeconds: Seconds = 120, outFolder: String,
        hostLabel: String? = nil, preflight: @escaping @Sendable ([any Workload]) throws -> Void = { _ in },
        pythonDriverPath: @escaping @Sendable () throws -> String = { throw RunSessionError.noPythonDriver }
    ) {
        self.workloads = workloads
        self.runtimes = runtimes
        self.threadCounts = threadCounts
        self.repetitions = repetitions ?? (quick ? Self.quickRepetitions : Self.defaultRepetitions)
        self.warmup = warmup
        self.tasks = tasks
        self.scaling = scaling
        self.switchIntervalMs = switchIntervalMs
        self.batchTimeoutSeconds = batchTimeoutSeconds
        self.outFolder = outFolder
        self.hostLabel = hostLabel
        self.preflight = preflight
        self.pythonDriverPath = pythonDriverPath
    }

    /// Checks every value against its limits.
    /// - Throws: `RunSettingError` for the first value out of its limits.
    public func check() throws {
        func fail(_ setting: RunSetting, _ problem: String) -> RunSettingError {
            RunSettingError(setting: setting, problem: problem)
        }
        guard (1...10_000).contains(repetitions) else {
            throw fail(.repetitions, "must be between 1 and 10000, got \(repetitions)")
        }
        guard (0...1000).contains(warmup) else { throw fail(.warmup, "must be between 0 and 1000, got \(warmup)") }
        if let tasks, !(1...100_000_000).contains(tasks) {
            throw fail(.tasks, "must be between 1 and 100000000, got \(tasks)")
        }
        if let tasks, scaling == .strong, let most = threadCounts.max(), tasks < most {
            throw fail(.tasks, "\(tasks) is fewer than the \(most) threads asked for; "
                + "under strong scaling every thread needs at least one task")
        }
        guard switchIntervalMs > 0, switchIntervalMs <= 10_000 else {
            throw fail(.switchInterval, "must be above 0 and at most 10000 ms")
        }
        guard batchTimeoutSeconds > 0, batchTimeoutSeconds <= 86_400 else {
            throw fail(.batchTimeout, "must be above 0 and at most 86400 seconds")
        }
        if let hostLabel, hostLabel.trimmingCharacters(in: .whitespaces).isEmpty {
            throw fail(.hostLabel, "must not be empty")
        }
    }

    /// The plan the runner follows.
    var plan: RunPlan {
        RunPlan(workloads: workloads, runtimes: runtimes.runtimes, threadCounts: threadCounts,
                repetitions: repetitions, warmup: warmup, tasks: tasks, scaling: scaling,
                switchIntervalMs: switchIntervalMs, batchTimeoutSeconds: batchTimeoutSeconds)
    }
}

/// A value of a run configuration that `RunConfiguration.check()` can refuse.
public enum RunSetting: String, Sendable, CaseIterable {
    case repetitions
    case warmup = "warm-up"
    case tasks
    case switchInterval = "switch interval"
    case batchTimeout = "batch timeout"
    case hostLabel = "label"
}

/// A configuration value out of its limits: which one, and what is wrong with it.
public struct RunSettingError: Error, CustomStringConvertible, Equatable {
    /// The value at fault.
    public let setting: RunSetting
    /// What is wrong, to follow the setting's name: "must be between 1 and 10000, got 0".
    public let problem: String

    /// "repetitions must be between 1 and 10000, got 0".
    public var description: String { "\(setting.rawValue) \(problem)" }
}
