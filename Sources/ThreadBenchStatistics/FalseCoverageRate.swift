/// Benjamini and Yekutieli's false-coverage-rate intervals: how wide each row's interval must
/// be when only the rows that stand out are acted on.
///
/// Y. Benjamini and D. Yekutieli, "False discovery rate-adjusted multiple confidence intervals
/// for selected parameters", JASA 100, 2005. Select rows with the Benjamini-Hochberg step-up
/// rule at level q: with the p-values sorted, R is the largest k with p(k) <= k q / m, and the
/// rows with p <= R q / m are selected. Intervals at level 1 - R q / m for the selected rows
/// then miss their parameter in at most a fraction q of the selected rows on average (the
/// false coverage rate), for independent rows; at 126 rows that is far narrower than the
/// familywise level 1 - q / m whenever many rows are selected.
public enum FalseCoverageRate {
    /// R, the number of rows the Benjamini-Hochberg rule selects at level `q`; NaNs are not rows.
    public static func selectedCount(_ pValues: [Double], q: Double) -> Int {
        let sorted = pValues.filter { !$0.isNaN }.sorted()
        let m = Double(sorted.count)
        var selected = 0
        for (index, p) in sorted.enumerated() where p <= Double(index + 1) * q / m { selected = index + 1 }
        return selected
    }

    /// The level of the selected rows' intervals: 1 - R q / m, for R of m rows selected.
    public static func level(selected: Int, of rows: Int, q: Double) -> Double {
        rows > 0 ? 1 - Double(selected) * q / Double(rows) : 1 - q
    }
}
