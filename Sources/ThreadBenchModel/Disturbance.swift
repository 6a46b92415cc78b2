/// How much of the machine's CPU time steal and other processes took while a cell's batches ran.
///
/// Both are shares of the machine's CPU time over the batches' walls: the steal seconds (or
/// the other processes' CPU seconds) summed over the batches, over the walls summed times the
/// logical CPUs. Nil where no batch recorded them (older files, an unreadable `/proc/stat`;
/// the other processes' CPU is not recorded for the CPython runtimes, whose driver is a child).
public struct Disturbance: Sendable, Equatable {
    /// The share of the machine's CPU time above which steal or outside load flags a cell or
    /// a doctor check: 5%.
    public static let limit = 0.05

    /// Steal's share, nil when not recorded.
    public var stealFraction: Double?
    /// The other processes' share, nil when not recorded.
    public var otherFraction: Double?

    /// The shares over `records` on a machine of `logicalCPUs`.
    public init(records: [BatchRecord], logicalCPUs: Int) {
        func share(_ seconds: (BatchRecord) -> Seconds?) -> Double? {
            let measured = records.filter { seconds($0) != nil && $0.wallSeconds > 0 && $0.wallSeconds.isFinite }
            let wall = measured.reduce(0) { $0 + $1.wallSeconds } * Double(max(1, logicalCPUs))
            guard !measured.isEmpty, wall > 0 else { return nil }
            return measured.reduce(0) { $0 + max(0, seconds($1) ?? 0) } / wall
        }
        stealFraction = share(\.stealSeconds)
        otherFraction = share(\.otherCPUSeconds)
    }

    /// Whether steal or the outside load went above `limit`.
    public var exceedsLimit: Bool {
        (stealFraction ?? 0) > Self.limit || (otherFraction ?? 0) > Self.limit
    }
}
