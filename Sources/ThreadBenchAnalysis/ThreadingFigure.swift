import ThreadBenchModel
import ThreadBenchStatistics

/// Which per-round figure of threading a `ThreadingRow` compares.
public enum ThreadingFigure: String, Sendable, CaseIterable {
    /// wall(1, r) / wall(N, r): how much faster N threads finished the work.
    case speedup
    /// cores busy at N over cores busy at 1: how many cores the threads kept busy (needs thread CPU).
    case parallelism
}
