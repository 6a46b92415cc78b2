/// A speedup and its 95% interval.
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
