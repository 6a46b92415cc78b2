/// A speedup and its 95% percentile-bootstrap interval.
public struct SpeedupInterval: Sendable, Equatable {
    /// The point estimate.
    public var speedup: Double
    public var ci95Low: Double
    public var ci95High: Double

    /// Creates an interval from its parts.
    public init(speedup: Double, ci95Low: Double, ci95High: Double) {
        self.speedup = speedup
        self.ci95Low = ci95Low
        self.ci95High = ci95High
    }

    /// Half the interval's width over the speedup: 0.03 means ±3% of the speedup; infinity
    /// when the speedup is not positive.
    public var relativeHalfWidth: Double {
        speedup > 0 ? (ci95High - ci95Low) / 2 / speedup : .infinity
    }
}

/// The speedup of N threads over 1 thread, from rounds that measured both moments apart.
///
/// The rule: round r gives the ratio wall(1 thread, r) / wall(N threads, r); the speedup is the
/// median of those ratios (times `scale`: N under weak scaling), and its 95% interval is a
/// percentile bootstrap that resamples whole rounds, that is pairs, with the seeded generator
/// of `Statistics.medianCI95`, so the same rounds always give the same interval.
///
/// Why paired: this machine's speed drifts by tens of percent over minutes. A drift slower than
/// a round scales both walls of a round alike and cancels in their ratio, while the unpaired
/// ratio of medians (`unpaired`, kept for comparison) resamples the two sides independently
/// and carries the whole drift into its interval.
///
/// Below `nominalMinimumRounds` rounds the interval is still computed but is not a 95% one: the
/// percentile bootstrap of a median from 3 rounds is the sample range, whose coverage is lower.
public struct PairedSpeedup: Sendable, Equatable {
    /// Rounds from which an interval may be called 95%.
    public static let nominalMinimumRounds = 5

    /// The median of the per-round ratios, with its paired bootstrap interval.
    public var paired: SpeedupInterval
    /// median(1-thread walls) / median(N-thread walls) over the same rounds, with
    /// `Statistics.ratioOfMediansCI95`: the estimate pairing replaces, for comparison.
    public var unpaired: SpeedupInterval
    /// The rounds used: those where both walls were measured.
    public var rounds: Int

    /// Whether there are enough rounds to call the interval 95%.
    public var intervalIsNominal95: Bool { rounds >= Self.nominalMinimumRounds }

    /// Pairs the walls of the same round and estimates the speedup.
    ///
    /// A round missing on either side, or whose wall is not a positive finite number (a failed
    /// batch), is skipped.
    /// - Parameters:
    ///   - baselineWallSeconds: the 1-thread wall of each round, by round number.
    ///   - wallSeconds: the N-thread wall of each round, by round number.
    ///   - scale: multiplies every ratio: 1 under strong scaling, N under weak scaling.
    /// - Returns: nil when no round has both walls, or `scale` is not positive and finite.
    public init?(baselineWallSeconds: [Int: Double], wallSeconds: [Int: Double], scale: Double = 1) {
        guard scale > 0, scale.isFinite else { return nil }
        func usable(_ wall: Double?) -> Double? {
            guard let wall, wall > 0, wall.isFinite else { return nil }
            return wall
        }
        var baselines: [Double] = []
        var walls: [Double] = []
        for round in baselineWallSeconds.keys.sorted() {
            guard let baseline = usable(baselineWallSeconds[round]), let wall = usable(wallSeconds[round]) else {
                continue
            }
            baselines.append(baseline)
            walls.append(wall)
        }
        guard !walls.isEmpty else { return nil }
        let ratios = zip(baselines, walls).map { $0 / $1 }
        let pairedCI = Statistics.medianCI95(ratios)
        paired = SpeedupInterval(speedup: scale * Statistics.median(ratios),
                                 ci95Low: scale * pairedCI.low, ci95High: scale * pairedCI.high)
        let unpairedCI = Statistics.ratioOfMediansCI95(numerator: baselines, denominator: walls)
        unpaired = SpeedupInterval(speedup: scale * Statistics.median(baselines) / Statistics.median(walls),
                                   ci95Low: scale * unpairedCI.low, ci95High: scale * unpairedCI.high)
        rounds = walls.count
    }
}
