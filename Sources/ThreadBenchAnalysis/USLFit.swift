import Foundation

/// A least-squares fit of Gunther's Universal Scalability Law to measured speedups:
/// S(N) = N / (1 + sigma (N - 1) + kappa N (N - 1)).
///
/// sigma is contention (waiting for a shared resource, such as a lock or the cores); kappa is
/// coherency (threads paying to agree with each other), which makes the speedup fall again
/// after a peak at N* = sqrt((1 - sigma) / kappa). With kappa = 0 the law is Amdahl's.
public struct USLFit: Sendable, Equatable {
    /// Contention, >= 0.
    public var sigma: Double
    /// Coherency, >= 0.
    public var kappa: Double
    /// Goodness of fit on the speedups above 1 thread.
    public var rSquared: Double
    /// Thread counts above 1 less the two parameters; at least 1, or there is no fit.
    public var residualDegreesOfFreedom: Int
    /// Whether kappa is too small to matter: at the most threads fitted, kappa N (N - 1)
    /// changes the law's denominator by less than `negligibleCoherency` of the rest. Then
    /// the law has no peak worth the name (a kappa of 1e-19 would put one near 1.6e9 threads).
    public var kappaIsNegligible: Bool

    /// The law's two parameters.
    public static let parameters = 2
    /// The share of the denominator below which kappa's term counts as nothing (0.1%).
    public static let negligibleCoherency = 0.001

    /// The thread count where the predicted speedup peaks; nil when it never does (kappa
    /// is 0 or negligible).
    public var peakThreads: Double? {
        guard kappa > 0, !kappaIsNegligible else { return nil }
        guard sigma < 1 else { return 1 }
        return ((1 - sigma) / kappa).squareRoot()
    }

    /// The highest predicted speedup: at the peak, or 1 / sigma as N grows when there is no
    /// peak, or infinite for a linear curve.
    public var ceiling: Double {
        if let peakThreads { return speedup(at: peakThreads) }
        return sigma > 0 ? 1 / sigma : .infinity
    }

    /// The speedup the fitted law predicts at `threads`.
    public func speedup(at threads: Double) -> Double {
        USLFit.speedup(at: threads, sigma: sigma, kappa: kappa)
    }

    /// The law for given parameters.
    public static func speedup(at n: Double, sigma: Double, kappa: Double) -> Double {
        n / (1 + sigma * (n - 1) + kappa * n * (n - 1))
    }

    /// Fits sigma and kappa, both kept non-negative, to minimise the squared speedup errors.
    ///
    /// Starts from Gunther's linearisation, N / S - 1 = sigma (N - 1) + kappa N (N - 1), solved by
    /// least squares through the origin, then refines on the speedups themselves with damped
    /// Gauss-Newton (Levenberg-Marquardt) steps projected onto sigma, kappa >= 0.
    /// - Parameter points: (threads, speedup) pairs; at least 3 thread counts above 1, so
    ///   that one residual degree of freedom is left to judge the fit by.
    /// - Returns: nil when there are too few points or a speedup is not positive.
    public static func fit(_ points: [ScalingPoint]) -> USLFit? {
        guard ScalingPoint.threadCountsAboveOne(points) > parameters,
              points.allSatisfy({ $0.speedup > 0 && $0.speedup.isFinite })
        else { return nil }
        var (sigma, kappa) = linearised(points)
        func error(_ s: Double, _ k: Double) -> Double {
            points.reduce(0) { sum, p in
                let r = p.speedup - speedup(at: Double(p.threads), sigma: s, kappa: k)
                return sum + r * r
            }
        }
        var current = error(sigma, kappa)
        var damping = 1e-3
        for _ in 0..<200 {
            guard let delta = step(points, sigma: sigma, kappa: kappa, damping: damping) else { break }
            let s = max(0, sigma + delta.sigma), k = max(0, kappa + delta.kappa)
            let next = error(s, k)
            if next < current {
                let improvement = current - next
                sigma = s; kappa = k; current = next
                damping = max(damping / 10, 1e-12)
                if improvement < 1e-18 { break }
            } else {
                damping *= 10
                if damping > 1e12 { break }
            }
        }
        let s = sigma, k = kappa
        let fit = ScalingPoint.judge(points, parameters: parameters) { speedup(at: $0, sigma: s, kappa: k) }
        let most = Double(points.map(\.threads).max() ?? 1)
        let negligible = k * most * (most - 1) < negligibleCoherency * (1 + s * (most - 1))
        return USLFit(sigma: s, kappa: k, rSquared: fit.rSquared ?? 0, residualDegreesOfFreedom: fit.degreesOfFreedom,
                      kappaIsNegligible: negligible)
    }

    /// One damped Gauss-Newton step (dsigma, dkappa) from the normal equations J^T J d = J^T r;
    /// nil when the damped system is singular.
    private static func step(_ points: [ScalingPoint], sigma: Double, kappa: Double,
                             damping: Double) -> (sigma: Double, kappa: Double)? {
        var a11 = 0.0, a12 = 0.0, a22 = 0.0, g1 = 0.0, g2 = 0.0
        for p in points {
            let n = Double(p.threads)
            let d = 1 + sigma * (n - 1) + kappa * n * (n - 1)
            let r = p.speedup - n / d
            let j1 = n * (n - 1) / (d * d)
            let j2 = n * n * (n - 1) / (d * d)
            a11 += j1 * j1; a12 += j1 * j2; a22 += j2 * j2
            g1 += j1 * r; g2 += j2 * r
        }
        // The model's derivative is -j; the step that reduces the error is -(J^T J)^-1 J^T r with J = -j.
        let b11 = a11 * (1 + damping), b22 = a22 * (1 + damping)
        let det = b11 * b22 - a12 * a12
        guard det.isFinite, abs(det) > 0 else { return nil }
        return (-(b22 * g1 - a12 * g2) / det, -(b11 * g2 - a12 * g1) / det)
    }

    /// Least squares through the origin on the linearised law, with both parameters kept >= 0.
    static func linearised(_ points: [ScalingPoint]) -> (sigma: Double, kappa: Double) {
        var sxx = 0.0, sxz = 0.0, szz = 0.0, sxy = 0.0, szy = 0.0
        for p in points {
            let n = Double(p.threads)
            let x = n - 1, z = n * (n - 1), y = n / p.speedup - 1
            sxx += x * x; sxz += x * z; szz += z * z; sxy += x * y; szy += z * y
        }
        let det = sxx * szz - sxz * sxz
        if det > 0 {
            let sigma = (szz * sxy - sxz * szy) / det
            let kappa = (sxx * szy - sxz * sxy) / det
            if sigma >= 0, kappa >= 0 { return (sigma, kappa) }
        }
        // One parameter at its bound: fit the other alone, keep whichever errs less.
        let sigmaOnly = sxx > 0 ? max(0, sxy / sxx) : 0
        let kappaOnly = szz > 0 ? max(0, szy / szz) : 0
        func residual(_ s: Double, _ k: Double) -> Double {
            points.reduce(0) { sum, p in
                let n = Double(p.threads)
                let r = (n / p.speedup - 1) - s * (n - 1) - k * n * (n - 1)
                return sum + r * r
            }
        }
        return residual(sigmaOnly, 0) <= residual(0, kappaOnly) ? (sigmaOnly, 0) : (0, kappaOnly)
    }
}
