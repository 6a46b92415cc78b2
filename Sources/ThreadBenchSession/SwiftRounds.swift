/// Where the rounds of the Swift runtimes run (`run --swift-rounds`; the command line's default
/// is `fresh`, a configuration's `shared`, which runs workloads the executable cannot build).
public enum SwiftRounds: String, CaseIterable, Sendable {
    /// Every round in the run's own process, one after another.
    case shared
    /// Each round in a fresh `threadbench` process (`FreshProcessExecutor`), as CPython's are.
    case fresh

    /// Where a command line's run puts them: as asked, else `fresh`, but `shared` for `--quick`,
    /// whose tiny batches a process start per round would cost a third of its 18 s budget
    /// (3 measured rounds where shared rounds reach 4-5 here).
    public static func chosen(_ asked: SwiftRounds?, quick: Bool) -> SwiftRounds {
        asked ?? (quick ? .shared : .fresh)
    }
}
