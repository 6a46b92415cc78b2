
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreadBenchMeasurement
import ThreadBenchModel

/// The lesson's computation: `sqrt((i - k^2)^2)` over a range of integers.
///
/// Each task walks its own range of integers and sums the results, so nothing can be
/// optimised away; under the emulated GIL it polls the lock every 1,024 iterations, as
/// CPython's eval loop polls its eval breaker. A task's size depends on the runtime
/// (`iterations`), so that a 1-thread batch lasts about as long in each.
public final class MathWorkload: Workload {
    public let name = "math"
    public let kind = WorkloadKind.cpu
    public let defaultTasks = 128
    /// Loop iterations per task, by runtime.
    public let iterations: RuntimeSizes<Int>
    /// The default sizes: a 1-thread batch of 128 tasks lasts roughly 0.2 s in each runtime on a
    /// 2-core VM (rough timings, release build).
    public static let defaultIterations = RuntimeSizes(swift: 520_000, cpython: 7_000)
    /// The `--quick` sizes, a quarter of the default.
    public static let quickIterations = RuntimeSizes(swift: 130_000, cpython: 1_750)

    /// Creates the workload with the default sizes, or the quick ones with `--quick`.
    public init(options: SuiteOptions) {
        iterations = options.quick ? Self.quickIterations : Self.defaultIterations
    }

    public var summary: String {
        "cpu: the lesson's loop, sqrt((i - k^2)^2) summed over \(iterations.swift) integers per task "
            + "(\(iterations.cpython) under cpython)"
    }

    public func taskWork(under runtime: Runtime) -> TaskWork {
        TaskWork(amount: Double(iterations[runtime]), unit: "iterations")
    }

    /// A worker of the Swift runtimes, which run the Swift size.
    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        Worker(iterations: iterations.swift)
    }

    final class Worker: TaskWorker {
        let iterations: Int
        var sink = 0.0

        init(iterations: Int) { self.iterations = iterations }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            sink += MathWorkload.compute(start: task * iterations, count: iterations, context: context)
            return TaskOutcome(ops: iterations, error: sink.isNaN ? "math produced NaN" : nil)
        }
    }

    /// Sums `sqrt((pos - k^2)^2)` for `count` integers from `start`, with k = 1000.
    static func compute(start: Int, count: Int, context: TaskContext) -> Double {
        let kSquared = 1000 * 1000
        var total = 0.0
        var pos = start
        let end = start + count
        while pos < end {
            let chunkEnd = min(pos + 1024, end)
            while pos < chunkEnd {
                pos += 1
                let d = pos - kSquared
                total += sqrt(Double(d * d))
            }
            context.checkpoint()
        }
        return total
    }
}
