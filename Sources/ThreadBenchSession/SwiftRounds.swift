/// Where the rounds of the Swift runtimes run (`run --swift-rounds`; the command line's default
/// is `fresh`, a configuration's `shared`, which runs workloads the executable cannot build).
public enum SwiftRounds: String, CaseIterable, Sendable {
    /// Every round in the run's own process, one after another.
    case shared
    /// Each round in a fresh `threadbench` process (`FreshProcessExecutor`), as CPython's are.
    case fresh
}
