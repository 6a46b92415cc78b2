
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
/// (`sizes`), so that a 1-thread batch lasts about as long in each.
public final class MathWorkload: Computation {
    public let name = "math"
    /// Loop iterations per task, by runtime.
    public let sizes: RuntimeSizes<Int>
    public static let sizeChoices = ComputationSizes(
        standard: RuntimeSizes(swift: 520_000, cpython: 7_000), quick: RuntimeSizes(swift: 130_000, cpython: 1_750), unit: "iterations")

    /// Creates the workload with the default sizes, or the quick ones with `--quick`.
    public init(options: SuiteOptions) { sizes = Self.sizeChoices.chosen(by: options) }

    public var summary: String { "cpu: the lesson's loop, sqrt((i - k^2)^2) summed over " + perTask("integers") }

    /// Task `task` walks the `size` integers from `task * size`.
    public static func result(ofTask task: Int, size: Int, context: TaskContext) -> Double {
        compute(start: task * size, count: size, context: context)
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
