import Foundation

/// Student's t distribution: its CDF and quantiles, for any positive degrees of freedom.
///
/// The CDF comes from the regularized incomplete beta function,
/// P(T <= t) = 1 - I_x(df/2, 1/2) / 2 for t >= 0 with x = df / (df + t^2), evaluated by its
/// continued fraction (modified Lentz). Quantiles invert the CDF by bisection to 1e-12, so
/// fractional degrees of freedom (Welch-Satterthwaite) work as whole ones do.
public enum StudentT {
    /// P(T <= t) for T ~ t(df); NaN when `df` is not positive.
    public static func cdf(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * regularizedIncompleteBeta(x: df / (df + t * t), a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The `p`-quantile of t(df): the t with P(T <= t) = p; NaN outside 0 < p < 1 or for df <= 0.
    public static func quantile(_ p: Double, df: Double) -> Double {
        guard df > 0, p > 0, p < 1 else { return .nan }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, df: df) }
        var low = 0.0, high = 1.0
        while cdf(high, df: df) < p { low = high; high *= 2; if high > 1e12 { return high } }
        for _ in 0..<200 where high - low > 1e-12 * max(1, high) {
            let mid = (low + high) / 2
            if cdf(mid, df: df) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// The two-sided p-value of a t statistic: P(|T| >= |t|).
    public static func twoSidedP(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        return min(1, 2 * cdf(-abs(t), df: df))
    }

    /// I_x(a, b), the regularized incomplete beta function, for 0 <= x <= 1 and a, b > 0.
    static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logGammas + logPowers
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry above.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The continued fraction of the incomplete beta function (modified Lentz's method).
    private static func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...400 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d; if abs(d) < tiny { d = tiny }
            c = 1 + even / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d; if abs(d) < tiny { d = tiny }
            c = 1 + odd / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return result
    }
}
