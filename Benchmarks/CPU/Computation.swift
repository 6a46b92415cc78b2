import ThreadBenchMeasurement
import ThreadBenchModel

/// What the CPU workloads share: batches of 128 tasks, each of a fixed size per runtime (a
/// quarter of it with `--quick`), whose results a worker sums so that nothing can be optimised
/// away.
///
/// A conforming workload states its sizes, what they count, and one task's computation; the
/// kind, the task count, the task's recorded work and the Swift runtimes' worker follow.
public protocol Computation: Workload {
    /// Each task's size, by runtime: a 1-thread batch lasts about as long in each.
    var sizes: RuntimeSizes<Int> { get }
    /// The sizes to choose from, and what they count.
    static var sizeChoices: ComputationSizes { get }
    /// Computes task `task` of `size` units, calling `context.checkpoint()` as it goes, as
    /// CPython's eval loop polls its eval breaker.
    /// - Returns: the figure the worker sums.
    static func result(ofTask task: Int, size: Int, context: TaskContext) -> Double
}

extension Computation {
    public var kind: WorkloadKind { .cpu }
    public var defaultTasks: Int { 128 }

    /// The sizes as `summary` says them: "520000 integers per task (7000 under cpython)".
    func perTask(_ what: String) -> String {
        "\(sizes.swift) \(what) per task (\(sizes.cpython) under cpython)"
    }

    public func taskWork(under runtime: Runtime) -> TaskWork {
        TaskWork(amount: Double(sizes[runtime]), unit: Self.sizeChoices.unit)
    }

    /// A worker of the Swift runtimes, which run the Swift size.
    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        ComputationWorker<Self>(name: name, size: sizes.swift)
    }
}
