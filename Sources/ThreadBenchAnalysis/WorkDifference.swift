import ThreadBenchModel

/// Rows of one curve that two runs measured with different work per task, so that `compare`
/// leaves them out: the thread counts and each run's works (`WorkMatching`).
public struct WorkDifference: Sendable, Equatable {
    /// The workload, runtime and scaling.
    public var curve: CurveKey
    /// The thread counts whose rows differ, in the baseline's order.
    public var threads: [Int]
    /// The works the baseline's records of the first such row name, and the other run's.
    public var baseline, other: Set<TaskWork>
}
