/// The order in which a round runs its batches.
///
/// Every N-thread batch's speedup and parallelism are taken against the round's one 1-thread
/// batch, and on a VM whose speed moves within a second, the nearer in time the two run, the
/// more of that movement their ratio cancels. `ascending` runs 1 first and the largest count
/// last (the 64-thread batch six batches after its partner); `centred` puts the 1-thread batch
/// in the middle of the round, which halves the farthest distance at no cost. The default and
/// the measurement behind it are in docs/RESULTS.md.
public enum RoundOrder: String, Sendable, CaseIterable {
    /// 1, 2, 4, ..., the largest.
    case ascending
    /// The counts above 1 in ascending order with 1 in their middle: 2, 4, 8, 1, 16, 32, 64.
    case centred

    /// `counts` (ascending, 1 included or not) in this order.
    public func arrange(_ counts: [Int]) -> [Int] {
        let sorted = counts.sorted()
        switch self {
        case .ascending:
            return sorted
        case .centred:
            guard sorted.contains(1) else { return sorted }
            let others = sorted.filter { $0 != 1 }
            let half = (others.count + 1) / 2
            return Array(others.prefix(half)) + [1] + Array(others.dropFirst(half))
        }
    }
}
