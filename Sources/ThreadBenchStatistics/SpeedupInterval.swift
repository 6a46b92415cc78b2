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
}
