import Foundation

/// Descriptive statistics and bootstrap confidence intervals over repetitions.
///
/// Percentiles interpolate linearly between order statistics (numpy's default, Hyndman
/// and Fan type 7). Confidence intervals are percentile bootstraps with a seeded
/// generator, so the same data always gives the same interval.
public enum Statistics {
    /// The arithmetic mean; 0 for no values.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (n - 1 in the denominator); 0 for fewer than 2 values.
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The median; 0 for no values.
    public static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    /// The `p`-th percentile (0...100) with linear interpolation; 0 for no values.
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        percentile(sorted: values.sorted(), p)
    }

    /// The `p`-th percentile of values already sorted ascending.
    public static func percentile(sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        guard sorted.count > 1 else { return first }
        let rank = min(max(p, 0), 100) / 100 * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        let fraction = rank - Double(low)
        return sorted[low] + (sorted[high] - sorted[low]) * fraction
    }

    /// A 95% percentile-bootstrap interval of the median.
    /// - Parameters:
    ///   - values: the repetitions.
    ///   - resamples: bootstrap resamples.
    ///   - seed: the generator's seed.
    /// - Returns: (low, high); both equal the value for a single repetition.
    public static func medianCI95(_ values: [Double], resamples: Int = 2000, seed: UInt64 = 0x5EED) -> (low: Double, high: Double) {
        guard values.count > 1 else { let v = values.first ?? 0; return (v, v) }
        var rng = SplitMix64(seed: seed)
        var medians = [Double]()
        medians.reserveCapacity(resamples)
        let sorted = values.count > largeSample ? values.sorted() : []
        for _ in 0..<resamples {
            medians.append(resampledMedian(values, sorted: sorted, &rng))
        }
        medians.sort()
        return (percentile(sorted: medians, 2.5), percentile(sorted: medians, 97.5))
    }

    /// A 95% percentile-bootstrap interval of `median(numerator) / median(denominator)`.
    ///
    /// Used for speedup (baseline wall / wall) and for comparing two runs.
    public static func ratioOfMediansCI95(numerator: [Double], denominator: [Double], resamples: Int = 2000,
                                          seed: UInt64 = 0x5EED) -> (low: Double, high: Double) {
        guard !numerator.isEmpty, !denominator.isEmpty else { return (0, 0) }
        var rng = SplitMix64(seed: seed)
        var ratios = [Double]()
        ratios.reserveCapacity(resamples)
        let sortedNumerator = numerator.count > largeSample ? numerator.sorted() : []
        let sortedDenominator = denominator.count > largeSample ? denominator.sorted() : []
        for _ in 0..<resamples {
            let bottom = resampledMedian(denominator, sorted: sortedDenominator, &rng)
            guard bottom > 0 else { continue }
            ratios.append(resampledMedian(numerator, sorted: sortedNumerator, &rng) / bottom)
        }
        guard !ratios.isEmpty else { return (0, 0) }
        ratios.sort()
        return (percentile(sorted: ratios, 2.5), percentile(sorted: ratios, 97.5))
    }

    private static func resample(_ values: [Double], _ rng: inout SplitMix64) -> [Double] {
        (0..<values.count).map { _ in values[Int(rng.next() % UInt64(values.count))] }
    }

    /// Above this many values, resampled medians are drawn from the order statistics
    /// (`sortedResampleMedian`) instead of by building and sorting each resample, so that a
    /// file of 100,000 rows costs O(resamples) per interval, not O(resamples x n log n).
    static let largeSample = 200

    /// The median of one bootstrap resample of `values`; `sorted` is `values` sorted when
    /// there are more than `largeSample` of them, else empty.
    private static func resampledMedian(_ values: [Double], sorted: [Double], _ rng: inout SplitMix64) -> Double {
        sorted.isEmpty ? median(resample(values, &rng)) : sortedResampleMedian(sorted, &rng)
    }

    /// The median of a bootstrap resample of `sorted` (ascending), drawn exactly without
    /// building the resample.
    ///
    /// A draw with replacement is `floor(n U)` for a uniform U, a monotone map, so the k-th
    /// smallest of n draws is `sorted[floor(n V)]` where V, the k-th smallest of n uniforms,
    /// follows Beta(k, n - k + 1); given V, the next one is V + (1 - V) Beta(1, n - k).
    static func sortedResampleMedian(_ sorted: [Double], _ rng: inout SplitMix64) -> Double {
        let n = sorted.count
        let k = (n + 1) / 2  // 1-based rank of the (lower) middle value
        let lowerV = beta(Double(k), Double(n - k + 1), &rng)
        let lower = sorted[min(n - 1, Int(lowerV * Double(n)))]
        guard n % 2 == 0 else { return lower }
        let gap = 1 - pow(uniform(&rng), 1 / Double(n - k))
        let upper = sorted[min(n - 1, Int((lowerV + (1 - lowerV) * gap) * Double(n)))]
        return (lower + upper) / 2
    }

    /// A uniform double in (0, 1).
    private static func uniform(_ rng: inout SplitMix64) -> Double {
        (Double(rng.next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// A Beta(a, b) variate for a, b >= 1, as a ratio of gamma variates.
    private static func beta(_ a: Double, _ b: Double, _ rng: inout SplitMix64) -> Double {
        let x = gamma(a, &rng)
        return x / (x + gamma(b, &rng))
    }

    /// A Gamma(shape, 1) variate for shape >= 1 (Marsaglia and Tsang's squeeze method).
    private static func gamma(_ shape: Double, _ rng: inout SplitMix64) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0
            var v = 0.0
            repeat {
                // A standard normal by Box-Muller.
                x = (-2 * log(uniform(&rng))).squareRoot() * cos(2 * Double.pi * uniform(&rng))
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            if log(uniform(&rng)) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; the same seed gives the same sequence on every machine.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
