import ThreadBenchMeasurement
import ThreadBenchModel

/// Counts primes by trial division: branchy integer work, unlike math's floating point.
///
/// Task `t` tests the n integers starting at 10,000,000 + t * n, n being the runtime's size
/// (`numbers`), so every task costs about the same; the lock is polled after every candidate.
public final class PrimesWorkload: Workload {
    public let name = "primes"
    public let kind = WorkloadKind.cpu
    public let defaultTasks = 128
    /// Integers tested per task, by runtime.
    public let numbers: RuntimeSizes<Int>
    static let base = 10_000_000
    /// The default sizes: a 1-thread batch of 128 tasks lasts roughly 0.2 s in each runtime on a
    /// 2-core VM (rough timings, release build).
    public static let defaultNumbers = RuntimeSizes(swift: 3_000, cpython: 70)
    /// The `--quick` sizes, a quarter of the default.
    public static let quickNumbers = RuntimeSizes(swift: 750, cpython: 18)

    /// Creates the workload with the default sizes, or the quick ones with `--quick`.
    public init(options: SuiteOptions) {
        numbers = options.quick ? Self.quickNumbers : Self.defaultNumbers
    }

    public var summary: String {
        "cpu: counts primes by trial division among \(numbers.swift) integers near 10^7 per task "
            + "(\(numbers.cpython) under cpython)"
    }

    public func taskWork(under runtime: Runtime) -> TaskWork {
        TaskWork(amount: Double(numbers[runtime]), unit: "integers")
    }

    /// A worker of the Swift runtimes, which run the Swift size.
    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        Worker(numbers: numbers.swift)
    }

    final class Worker: TaskWorker {
        let numbers: Int
        /// Primes found so far, kept so that the loop cannot be optimised away.
        var found = 0
        init(numbers: Int) { self.numbers = numbers }

        /// Tests the task's integers; a short range near 10^7 may hold no prime at all (gaps
        /// there pass 100), which is not an error.
        func run(task: Int, context: TaskContext) -> TaskOutcome {
            let start = PrimesWorkload.base + task * numbers
            for candidate in start..<(start + numbers) {
                if PrimesWorkload.isPrime(candidate) { found += 1 }
                context.checkpoint()
            }
            return TaskOutcome(ops: numbers)
        }
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
