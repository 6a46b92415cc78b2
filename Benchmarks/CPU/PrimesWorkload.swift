import ThreadBenchCore

/// Counts primes by trial division: branchy integer work, unlike math's floating point.
///
/// Task `t` tests the `numbersPerTask` integers starting at 10,000,000 + t * numbersPerTask,
/// so every task costs about the same; the lock is polled after every candidate.
public final class PrimesWorkload: Workload {
    public let name = "primes"
    public let kind = WorkloadKind.cpu
    public let defaultTasks = 128
    /// Integers tested per task.
    public let numbersPerTask: Int
    static let base = 10_000_000

    /// Creates the workload: 3,000 integers per task (700 with `--quick`).
    public init(options: SuiteOptions) {
        numbersPerTask = options.quick ? 700 : 3_000
    }

    public var summary: String {
        "cpu: counts primes by trial division among \(numbersPerTask) integers near 10^7 per task"
    }

    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        Worker(numbers: numbersPerTask)
    }

    final class Worker: TaskWorker {
        let numbers: Int
        init(numbers: Int) { self.numbers = numbers }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            let start = PrimesWorkload.base + task * numbers
            var found = 0
            for candidate in start..<(start + numbers) {
                if PrimesWorkload.isPrime(candidate) { found += 1 }
                context.checkpoint()
            }
            return TaskOutcome(ops: numbers, error: found == 0 ? "no primes found in \(start)..<\(start + numbers)" : nil)
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
