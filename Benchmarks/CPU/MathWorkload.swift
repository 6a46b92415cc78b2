import ThreadBenchCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lesson's computation: `sqrt((i - k^2)^2)` over a range of integers.
///
/// Each task walks its own range of `iterationsPerTask` integers and sums the results,
/// so nothing can be optimised away; under the emulated GIL it polls the lock every
/// 1,024 iterations, as CPython's eval loop polls its eval breaker.
public final class MathWorkload: Workload {
    public let name = "math"
    public let kind = WorkloadKind.cpu
    public let defaultTasks = 128
    /// Loop iterations per task.
    public let iterationsPerTask: Int

    /// Creates the workload: 300,000 iterations per task (120,000 with `--quick`); CPython
    /// takes about 70x longer per iteration, which sets this size.
    public init(options: SuiteOptions) {
        iterationsPerTask = options.quick ? 120_000 : 300_000
    }

    public var summary: String {
        "cpu: the lesson's loop, sqrt((i - k^2)^2) summed over \(iterationsPerTask) integers per task"
    }

    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        Worker(iterations: iterationsPerTask)
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
