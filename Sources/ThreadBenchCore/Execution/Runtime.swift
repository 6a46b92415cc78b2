/// Which threads run a workload, and under which lock.
public enum Runtime: String, Sendable, CaseIterable, Comparable {
    /// Plain Swift threads, no lock: computation can use every core.
    case swift
    /// Swift threads under the emulated GIL with CPython's switching rules.
    case swiftGIL = "swift-gil"
    /// Real CPython threads running the workload's Python version in a child interpreter;
    /// its rows read `cpython-nogil` when the interpreter runs without a GIL.
    case cpython

    public static func < (lhs: Runtime, rhs: Runtime) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
