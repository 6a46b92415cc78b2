import Testing
import ThreadBenchMeasurement
import ThreadBenchModel
@testable import ThreadBenchSuite

@Suite struct CPUWorkloadTests {
    @Test func primesByTrialDivision() {
        let primes = (0..<30).filter(PrimesWorkload.isPrime)
        #expect(primes == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29])
        #expect(PrimesWorkload.isPrime(10_000_019))
        #expect(!PrimesWorkload.isPrime(10_000_017))
    }

    @Test func mathMatchesTheLessonLoop() {
        // sqrt((pos - k^2)^2) = |pos - k^2|; for pos 1...3 with k^2 = 10^6: 999999 + 999998 + 999997.
        let context = TaskContext(lock: nil, threadIndex: 0)
        #expect(MathWorkload.compute(start: 0, count: 3, context: context) == 2_999_994)
    }

    @Test func mathUnderTheLockPollsAndGivesTheSameAnswer() {
        let lock = InterpreterLock()
        let context = TaskContext(lock: lock, threadIndex: 0)
        context.enter()
        let value = MathWorkload.compute(start: 0, count: 5_000, context: context)
        context.exit()
        #expect(value == MathWorkload.compute(start: 0, count: 5_000, context: TaskContext(lock: nil, threadIndex: 1)))
    }

    @Test func suiteRejectsUnknownNames() {
        #expect(throws: SuiteError.self) { try Suite.workloads(named: ["math", "nope"], options: SuiteOptions()) }
        #expect(Suite.names.starts(with: ["math", "primes", "sleep"]))
    }

    @Test func eachRuntimeHasItsOwnSizeAndTheDriverGetsCPythons() {
        let math = MathWorkload(options: SuiteOptions())
        #expect(math.taskWork(under: .swift) == TaskWork(amount: 520_000, unit: "iterations"))
        #expect(math.taskWork(under: .swiftGIL) == math.taskWork(under: .swift))
        #expect(math.taskWork(under: .cpython) == TaskWork(amount: 7_000, unit: "iterations"))
        #expect(math.pythonParameters["iterations"] == .int(7_000))
        let primes = PrimesWorkload(options: SuiteOptions())
        #expect(primes.taskWork(under: .cpython).amount < primes.taskWork(under: .swift).amount)
        #expect(primes.pythonParameters["numbers"] == .int(primes.sizes.cpython))
        for workload in Suite.all(SuiteOptions()) {
            #expect(workload.taskWork(under: .swift).isSpecified, "\(workload.name)")
        }
    }

    @Test func aPrimelessRangeIsNotAnError() throws {
        // 10,001,120..<10,001,190 holds no prime: a short task there counts none, without an error.
        let worker = ComputationWorker<PrimesWorkload>(name: "primes", size: 70)
        let outcome = worker.run(task: 16, context: TaskContext(lock: nil, threadIndex: 0))
        #expect(outcome.error == nil && outcome.ops == 70 && worker.sum == 0)
    }

    @Test func quickMakesTasksSmaller() {
        let full = MathWorkload(options: SuiteOptions())
        let quick = MathWorkload(options: SuiteOptions(quick: true))
        #expect(quick.sizes.swift < full.sizes.swift && quick.sizes.cpython < full.sizes.cpython)
        #expect(SleepWorkload(options: SuiteOptions(sleepMs: 7)).sleepMs == 7)
    }
}
