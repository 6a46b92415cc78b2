import Foundation

/// A least-squares fit of Gustafson's law to scaled speedups: S(N) = N - s (N - 1).
///
/// Under weak scaling each thread brings its own share of work, so the question is not how
/// soon a fixed job stops getting faster (Amdahl) but how much of the grown job still runs
/// serially: s is that serial share of the time on N threads, and the scaled speedup grows
/// by 1 - s per added thread, with no ceiling.
public struct GustafsonFit: Sendable, Equatable {
    /// The fitted serial share, in 0...1.
    public var serialFraction: Double
    /// Goodness of fit on the scaled speedups above 1 thread; nil with no residual degree of
    /// freedom (one thread count above 1, which the law passes through exactly).
    public var rSquared: Double?
    /// Thread counts above 1 less the one parameter.
    public var residualDegreesOfFreedom: Int

    /// The law's one parameter.
    public static let parameters = 1

    /// The scaled speedup the fitted law predicts at `threads`.
    public func speedup(at threads: Double) -> Double {
        GustafsonFit.speedup(at: threads, serialFraction: serialFraction)
    }

    /// Gustafson's law for a serial share `s`.
    public static func speedup(at threads: Double, serialFraction s: Double) -> Double {
        threads - s * (threads - 1)
    }

    /// Fits the serial share that minimises the squared errors of the scaled speedups.
    ///
    /// The law is linear in s: S - N = -s (N - 1), so the least-squares s is
    /// sum((N - S)(N - 1)) / sum((N - 1)^2), kept within 0...1.
    /// - Parameter points: (threads, scaled speedup) pairs; at least 1 thread count above 1.
    /// - Returns: nil when there are too few points or a speedup is not positive.
    public static func fit(_ points: [ScalingPoint]) -> GustafsonFit? {
        guard ScalingPoint.threadCountsAboveOne(points) >= parameters,
              points.allSatisfy({ $0.speedup > 0 && $0.speedup.isFinite })
        else { return nil }
        var numerator = 0.0, denominator = 0.0
        for p in points {
            let n = Double(p.threads)
            numerator += (n - p.speedup) * (n - 1)
            denominator += (n - 1) * (n - 1)
        }
        let s = min(1, max(0, numerator / denominator))
        let fit = ScalingPoint.judge(points, parameters: parameters) { speedup(at: $0, serialFraction: s) }
        return GustafsonFit(serialFraction: s, rSquared: fit.rSquared, residualDegreesOfFreedom: fit.degreesOfFreedom)
    }
}
