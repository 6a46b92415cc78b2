/// Holm's step-down adjustment of p-values, for judging many tests at once.
///
/// Testing m rows at level alpha each finds about alpha * m "significant" rows between two
/// identical machines. Holm's method (S. Holm, "A simple sequentially rejective multiple test
/// procedure", Scandinavian Journal of Statistics 6, 1979) keeps the chance of even one false
/// finding across all m rows at most alpha, with no assumption about how the tests depend on
/// each other, and rejects at least as much as Bonferroni. With the p-values sorted,
/// p(1) <= ... <= p(m), the adjusted value of the i-th is
///
///     max over j <= i of min(1, (m - j + 1) * p(j))
///
/// and a row is significant at level alpha when its adjusted p-value is below alpha.
public enum HolmAdjustment {
    /// The Holm-adjusted p-values of `pValues`, in the order given.
    ///
    /// A NaN (a row with no test) is not counted among the m tests and stays NaN; other values
    /// are first clamped to [0, 1]. Equal p-values get equal adjusted values.
    /// - Parameter pValues: the raw p-values of the tests of one family (one comparison).
    /// - Returns: one adjusted p-value per input, each at least its raw value and at most 1.
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        var result = [Double](repeating: .nan, count: pValues.count)
        let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted { pValues[$0] < pValues[$1] }
        let m = order.count
        var running = 0.0
        for (rank, index) in order.enumerated() {
            let p = min(max(pValues[index], 0), 1)
            running = max(running, min(1, Double(m - rank) * p))
            result[index] = running
        }
        return result
    }
}
