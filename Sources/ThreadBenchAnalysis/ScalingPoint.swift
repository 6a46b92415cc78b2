import Foundation

/// One measured point of a scaling curve.
public struct ScalingPoint: Sendable, Equatable {
    public var threads: Int
    public var speedup: Double

    /// Creates a point.
    public init(threads: Int, speedup: Double) {
        self.threads = threads
        self.speedup = speedup
    }

    /// The distinct thread counts above 1: the points a fit can err on. Every law here
    /// passes through (1, 1) by construction, so the 1-thread point tells a fit nothing.
    package static func threadCountsAboveOne(_ points: [ScalingPoint]) -> Int {
        Set(points.map(\.threads).filter { $0 > 1 }).count
    }

    /// How well `model` with `parameters` fitted parameters describes `points`: the residual
    /// degrees of freedom (thread counts above 1 less the parameters) and, when there is at
    /// least one, the coefficient of determination 1 - SS_residual / SS_total over the
    /// points above 1 thread. The 1-thread point is left out: every law fits it exactly,
    /// and counting it would lift R^2 for free (with thread counts {1, 2}, Amdahl's R^2
    /// would always be 1). When the speedups do not vary, R^2 is 1 for an exact model and 0
    /// otherwise.
    static func judge(_ points: [ScalingPoint], parameters: Int,
                      model: (Double) -> Double) -> (rSquared: Double?, degreesOfFreedom: Int) {
        let degrees = threadCountsAboveOne(points) - parameters
        let judged = points.filter { $0.threads > 1 }
        guard degrees >= 1, !judged.isEmpty else { return (nil, max(0, degrees)) }
        let mean = judged.reduce(0) { $0 + $1.speedup } / Double(judged.count)
        var residual = 0.0, total = 0.0
        for p in judged {
            let r = p.speedup - model(Double(p.threads))
            residual += r * r
            total += (p.speedup - mean) * (p.speedup - mean)
        }
        if total <= 1e-300 { return (residual <= 1e-18 ? 1 : 0, degrees) }
        return (1 - residual / total, degrees)
    }
}
