/// Whether a workload computes, waits, or mixes both; it sets the ideal speedup.
public enum WorkloadKind: String, Sendable, CaseIterable {
    /// Computation: the ideal speedup is min(threads, cores), and 1 under a GIL.
    case cpu
    /// Waiting on sleeps, networks or files: the ideal speedup is the thread count.
    case io
    /// Waiting beside computation (the convoy effect).
    case mixed
}
