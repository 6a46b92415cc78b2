import Foundation

/// A least-squares fit of Amdahl's law, S(N) = 1 / (f + (1 - f) / N), to measured speedups.
///
/// The serial fraction f is the share of the work that threads cannot split; the speedup can
/// never pass 1 / f, however many threads run (the lesson's "upper bound for improvement").
public struct AmdahlFit: Sendable, Equatable {
    /// The fitted serial fraction, in 0...1.
    public var serialFraction: Double
    /// Goodness of fit on the speedups above 1 thread (1 = perfect; can fall below 0 for a
    /// poor model); nil with no residual degree of freedom (one thread count above 1, which
    /// the law passes through exactly).
    public var rSquared: Double?
    /// Thread counts above 1 less the one parameter.
    public var residualDegreesOfFreedom: Int

    /// The law's one parameter.
    public static let parameters = 1

    /// The highest speedup the law allows, 1 / f; infinite when f is 0.
    public var ceiling: Double { serialFraction > 0 ? 1 / serialFraction : .infinity }

    /// The speedup the fitted law predicts at `threads`.
    public func speedup(at threads: Double) -> Double {
        AmdahlFit.speedup(at: threads, serialFraction: serialFraction)
    }

    /// Amdahl's law for a serial fraction `f`.
    public static func speedup(at threads: Double, serialFraction f: Double) -> Double {
        1 / (f + (1 - f) / threads)
    }

    /// Fits the serial fraction that minimises the squared speedup errors.
    ///
    /// The error is a smooth function of one bounded parameter, so a grid over 0...1 finds the
    /// basin and a golden-section search narrows it to about 1e-12.
    /// - Parameter points: (threads, speedup) pairs; at least 1 thread count above 1. With
    ///   exactly 1 the fraction is solved exactly (it equals Karp-Flatt's) and there is no R^2.
    /// - Returns: nil when there are too few points or a speedup is not positive.
    public static func fit(_ points: [ScalingPoint]) -> AmdahlFit? {
        guard ScalingPoint.threadCountsAboveOne(points) >= parameters,
              points.allSatisfy({ $0.speedup > 0 && $0.speedup.isFinite })
        else { return nil }
        func error(_ f: Double) -> Double {
            points.reduce(0) { sum, p in
                let r = p.speedup - speedup(at: Double(p.threads), serialFraction: f)
                return sum + r * r
            }
        }
        let steps = 1000
        var best = 0
        var bestError = Double.infinity
        for i in 0...steps {
            let e = error(Double(i) / Double(steps))
            if e < bestError { bestError = e; best = i }
        }
        var low = Double(max(best - 1, 0)) / Double(steps)
        var high = Double(min(best + 1, steps)) / Double(steps)
        let golden = (5.0.squareRoot() - 1) / 2
        for _ in 0..<100 where high - low > 1e-13 {
            let a = high - golden * (high - low)
            let b = low + golden * (high - low)
            if error(a) < error(b) { high = b } else { low = a }
        }
        let f = (low + high) / 2
        let fit = ScalingPoint.judge(points, parameters: parameters) { speedup(at: $0, serialFraction: f) }
        return AmdahlFit(serialFraction: f, rSquared: fit.rSquared, residualDegreesOfFreedom: fit.degreesOfFreedom)
    }
}
