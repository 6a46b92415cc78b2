import ThreadBenchMeasurement
import ThreadBenchModel

/// Counts primes by trial division: branchy integer work, unlike math's floating point.
///
/// Task `t` tests the n integers starting at 10,000,000 + t * n, n being the runtime's size
/// (`sizes`), so every task costs about the same; the lock is polled after every candidate.
public final class PrimesWorkload: Computation {
    public let name = "primes"
    /// Integers tested per task, by runtime.
    public let sizes: RuntimeSizes<Int>
    static let base = 10_000_000
    public static let sizeChoices = ComputationSizes(
        standard: RuntimeSizes(swift: 3_000, cpython: 70), quick: RuntimeSizes(swift: 750, cpython: 18), unit: "integers")

    /// Creates the workload with the default sizes, or the quick ones with `--quick`.
    public init(options: SuiteOptions) { sizes = Self.sizeChoices.chosen(by: options) }

    public var summary: String { "cpu: counts primes by trial division among " + perTask("integers near 10^7") }

    /// The primes among task `task`'s `size` integers; a short range near 10^7 may hold none
    /// (gaps there pass 100), which is not an error.
    public static func result(ofTask task: Int, size: Int, context: TaskContext) -> Double {
        let start = base + task * size
        var found = 0
        for candidate in start..<(start + size) {
            if isPrime(candidate) { found += 1 }
            context.checkpoint()
        }
        return Double(found)
    }

    /// Trial division by 2 and the odd numbers up to the square root.
    static func isPrime(_ n: Int) -> Bool {
        if n < 2 { return false }
        if n % 2 == 0 { return n == 2 }
        var divisor = 3
        while divisor * divisor <= n {
            if n % divisor == 0 { return false }
            divisor += 2
        }
        return true
    }
}
