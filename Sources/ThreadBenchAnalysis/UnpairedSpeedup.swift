/// The unpaired speedup of a cell with its 95% interval: the ratio of the geometric means of all
/// 1-thread and all N-thread walls, rounds ignored (`Summarizer.unpairedSpeedup`).
struct UnpairedSpeedup: Equatable {
    /// The point estimate; 0 when a side has no usable wall.
    var speedup: Double
    var ci95Low: Double
    var ci95High: Double
}
