/// Where the rounds of the Swift runtimes run (`run --swift-rounds`).
public enum SwiftRounds: String, CaseIterable, Sendable {
    /// Every round in the run's own process, one after another.
    case shared
    /// Each round in a fresh `threadbench` process (`FreshProcessExecutor`), as CPython's are.
    case fresh
}
