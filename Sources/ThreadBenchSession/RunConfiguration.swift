import Foundation
import ThreadBenchMeasurement
import ThreadBenchModel

/// Everything a run session needs: what to measure, how often, and where the files go.
///
/// A front end (the CLI) gathers the values, calls `check()`, and hands the result to
/// `RunSession`; nothing here parses text or names a command-line flag.
public struct RunConfiguration: Sendable {
    /// The target half-width of the speedup intervals when none is asked for: ±3%.
    public static let defaultPrecision = 0.03
    /// The time budget of a run when none is asked for, in seconds: a warm-up, 3 pilot and 5
    /// measured rounds of the default suite fit in it on a 2-core VM, with some room for the
    /// rounds the pilots plan, so the run ends within 150 s; on a slower or busier machine
    /// the pilot and then rounds give.
    public static let defaultBudgetSeconds: Seconds = 135
    /// The same in a quick run, so that the quick suite ends within 20 s.
    public static let quickBudgetSeconds: Seconds = 18

    /// What the runner runs: workloads, thread counts, rounds, budget, scaling and limits; its
    /// runtimes are those of `runtimes`, settled when the session starts.
    public var plan: RunPlan
    /// The runtimes and, for cpython, the interpreter.
    public var runtimes: RuntimeSelection
    /// The folder the CSVs and the chart go to (created if missing).
    public var outFolder: String
    /// The label of this machine or experiment; nil takes the hostname.
    public var hostLabel: String?
    /// Whether the results show the tables per workload and runtime and the models (`--details`).
    public var details = false
    /// Where the Swift runtimes' rounds run: in this process, or each in a fresh one.
    public var swiftRounds = SwiftRounds.shared
    /// Checks, before any batch, what the workloads need from outside the process.
    public var preflight: @Sendable ([any Workload]) throws -> Void
    /// The path of the CPython driver script; asked for only when cpython runs.
    public var pythonDriverPath: @Sendable () throws -> String

    /// Creates a configuration.
    /// - Parameters:
    ///   - repetitions: a fixed count of rounds per curve; nil: adaptive rounds until `precision`
    ///     is met or the budget is spent.
    ///   - precision: the target relative half-width of each speedup interval.
    ///   - budgetSeconds: the run's time budget; nil takes `defaultBudgetSeconds`, or
    ///     `quickBudgetSeconds` when `quick`.
    public init(
        workloads: [any Workload] = [], runtimes: RuntimeSelection, threadCounts: [Int], repetitions: Int? = nil,
        precision: Double = defaultPrecision, budgetSeconds: Seconds? = nil,
        quick: Bool = false, warmup: Int = 1, tasks: Int? = nil, scaling: Scaling = .strong,
        switchIntervalMs: Double = 5, batchTimeoutSeconds: Seconds = 120, outFolder: String,
        hostLabel: String? = nil, preflight: @escaping @Sendable ([any Workload]) throws -> Void = { _ in },
        pythonDriverPath: @escaping @Sendable () throws -> String = { throw RunSessionError.noPythonDriver }
    ) {
        plan = RunPlan(
            workloads: workloads, runtimes: runtimes.runtimes, threadCounts: threadCounts,
            repetitions: repetitions, warmup: warmup, tasks: tasks, scaling: scaling,
            switchIntervalMs: switchIntervalMs, batchTimeoutSeconds: batchTimeoutSeconds, precision: precision,
            budgetSeconds: budgetSeconds ?? (quick ? Self.quickBudgetSeconds : Self.defaultBudgetSeconds))
        self.runtimes = runtimes
        self.outFolder = outFolder
        self.hostLabel = hostLabel
        self.preflight = preflight
        self.pythonDriverPath = pythonDriverPath
    }

    /// Checks every value against its limits.
    /// - Throws: `RunSettingError` for the first value out of its limits.
    public func check() throws {
        if let repetitions = plan.repetitions, !(1...10_000).contains(repetitions) {
            throw RunSettingError(.repetitions, "must be between 1 and 10000, got \(repetitions)")
        }
        guard plan.precision >= 0.001, plan.precision <= 0.5 else {
            throw RunSettingError(.precision, "must be between 0.001 and 0.5 (±0.1% to ±50%)")
        }
        guard plan.budgetSeconds > 0, plan.budgetSeconds <= 604_800 else {
            throw RunSettingError(.budget, "must be above 0 and at most 604800 seconds (a week)")
        }
        guard (0...1000).contains(plan.warmup) else {
            throw RunSettingError(.warmup, "must be between 0 and 1000, got \(plan.warmup)")
        }
        if let tasks = plan.tasks, !(1...100_000_000).contains(tasks) {
            throw RunSettingError(.tasks, "must be between 1 and 100000000, got \(tasks)")
        }
        if let tasks = plan.tasks, plan.scaling == .strong, let most = plan.threadCounts.max(), tasks < most {
            throw RunSettingError(.tasks, "\(tasks) is fewer than the \(most) threads asked for; "
                + "under strong scaling every thread needs at least one task")
        }
        guard plan.switchIntervalMs > 0, plan.switchIntervalMs <= 10_000 else {
            throw RunSettingError(.switchInterval, "must be above 0 and at most 10000 ms")
        }
        guard plan.batchTimeoutSeconds > 0, plan.batchTimeoutSeconds <= 86_400 else {
            throw RunSettingError(.batchTimeout, "must be above 0 and at most 86400 seconds")
        }
        if let hostLabel, hostLabel.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RunSettingError(.hostLabel, "must not be empty")
        }
    }
}

/// A value of a run configuration that `RunConfiguration.check()` can refuse.
public enum RunSetting: String, Sendable, CaseIterable {
    case repetitions
    case precision
    case budget
    case warmup = "warm-up"
    case tasks
    case switchInterval = "switch interval"
    case batchTimeout = "batch timeout"
    case hostLabel = "label"
}

/// A run configuration value out of its limits.
public typealias RunSettingError = SettingError<RunSetting>
