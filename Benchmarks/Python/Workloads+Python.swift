import ThreadBenchCore

// The Python side of each workload: what the CPython driver (threadbench_driver.py) is
// given to run the same tasks, and how its version differs from the Swift one.

extension MathWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] { ["iterations": .int(iterationsPerTask)] }
    public var pythonDifference: String? {
        "the lesson's own pure-Python loop, same sizes; each iteration costs some 300 times more than in Swift"
    }
}

extension PrimesWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] {
        ["numbers": .int(numbersPerTask), "base": .int(Self.base)]
    }
    public var pythonDifference: String? { "the same trial division in pure Python, same sizes" }
}

extension SleepWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] { ["sleep_ms": .double(sleepMs)] }
    public var pythonDifference: String? { "time.sleep, which releases the real GIL while it waits" }
}
