/// Flags repetitions that lie far from the others, with the modified Z-score.
///
/// Iglewicz and Hoaglin (1993, "How to Detect and Handle Outliers"): M = 0.6745 (x - median) / MAD,
/// where MAD is the median absolute deviation from the median; |M| > 3.5 marks an outlier. When more
/// than half the values are equal the MAD is 0, and the mean absolute deviation takes its place
/// (scaled by 1.253314 so both estimate the same spread of a normal distribution); when that is 0
/// too, every value is equal and none is an outlier.
public enum OutlierDetection {
    /// The cut-off on |M| above which a value is an outlier.
    public static let threshold = 3.5

    /// The modified Z-score of every value, in the order given; all 0 when the values do not spread.
    public static func modifiedZScores(_ values: [Double]) -> [Double] {
        guard values.count > 2 else { return values.map { _ in 0 } }
        let center = Statistics.median(values)
        let deviations = values.map { abs($0 - center) }
        let mad = Statistics.median(deviations)
        if mad > 0 { return values.map { 0.6745 * ($0 - center) / mad } }
        let meanDeviation = Statistics.mean(deviations)
        guard meanDeviation > 0 else { return values.map { _ in 0 } }
        return values.map { ($0 - center) / (1.253314 * meanDeviation) }
    }

    /// Whether each value is an outlier (|M| > 3.5), in the order given.
    public static func flags(_ values: [Double]) -> [Bool] {
        modifiedZScores(values).map { abs($0) > threshold }
    }
}
