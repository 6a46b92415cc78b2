/// How the work grows with the thread count.
public enum Scaling: String, Sendable, CaseIterable {
    /// A fixed total of tasks split over the threads: speedup = wall(1) / wall(N).
    case strong
    /// A fixed number of tasks per thread: scaled speedup = N * wall(1) / wall(N).
    case weak
}
