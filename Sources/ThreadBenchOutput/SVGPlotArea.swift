import Foundation
import ThreadBenchAnalysis

/// Where one chart panel's plot sits and how it maps threads and speedups to points:
/// threads on a log2 axis up to the most measured; the value on a linear axis from 0, or on a
/// log2 axis for waiting (`logScale`), whose speedups run from about 1 to the thread count.
struct SVGPlotArea {
    /// The plot's rectangle in the panel, in SVG units.
    let left, top, width, height: Double
    /// The most threads of any series, at least 2: the right end of the axis.
    let maxThreads: Int
    /// The top of the value axis, a nice number above every point, band and the ideal.
    let yMax: Double
    /// The bottom of the value axis: 0 on a linear axis, a power of two at or below every point on a log one.
    let yMin: Double
    /// Whether the value axis is log2 (I/O speedups, whose ideal climbs to the thread count).
    let logScale: Bool

    /// The plot area of `chart` inside a panel of the reporter's size and margins.
    init(_ chart: SpeedupChart) {
        let m = SVGChartReporter.margin
        left = m.left
        top = m.top
        width = SVGChartReporter.panelWidth - m.left - m.right
        height = SVGChartReporter.panelHeight - m.top - m.bottom
        let allThreads = chart.series.flatMap { $0.points.map(\.threads) }
        maxThreads = max(allThreads.max() ?? 2, 2)
        // Values past `valueLimit` (a file's nonsense: an overflowed ratio) are drawn at the axis's
        // edge instead of stretching it to where no tick can be counted.
        let topData = min(chart.series.flatMap { $0.points.map { max($0.high, $0.speedup) } }
            .filter(\.isFinite).max() ?? 1, Self.valueLimit)
        logScale = chart.kind == .io && chart.metric == .speedup
        let ideal = chart.metric == .latencyMs ? 0 : chart.ideal(at: Double(maxThreads))
        if logScale {
            let bottom = max(chart.series.flatMap { $0.points.map { min($0.low, $0.speedup) } }
                .filter { $0 > 0 && $0.isFinite }.min() ?? 1, 1 / Self.valueLimit)
            yMin = pow(2, min(-1, floor(log2(bottom))))
            yMax = pow(2, ceil(log2(min(max(topData, ideal, 2), Self.valueLimit))))
        } else {
            yMin = 0
            yMax = SVGChartReporter.niceCeiling(min(max(topData, ideal, 1), Self.valueLimit) * 1.05)
        }
    }

    /// The largest value (and the inverse of the smallest) the value axis reaches: a trillion,
    /// far past any speedup or latency a run measures.
    static let valueLimit = 1e12

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The horizontal position of a thread count.
    func x(_ threads: Double) -> Double { left + log2(max(threads, 1)) / log2(Double(maxThreads)) * width }

    /// The vertical position of a value, clamped to the axis.
    func y(_ value: Double) -> Double {
        guard logScale else { return top + height - min(max(value, 0), yMax) / yMax * height }
        let clamped = min(max(value, yMin), yMax)
        return top + height - (log2(clamped) - log2(yMin)) / (log2(yMax) - log2(yMin)) * height
    }

    /// The value axis's labelled ticks: nice steps from 0, or every power of two on a log axis.
    var valueTicks: [Double] {
        if logScale {
            // Every power of two, or every k-th when the data span more than a dozen of them.
            let span = log2(yMax) - log2(yMin)
            let step = max(1, (span / 12).rounded(.up))
            return stride(from: log2(yMin), through: log2(yMax), by: step).map { pow(2, $0) }
        }
        let step = SVGChartReporter.niceStep(yMax / 5)
        return stride(from: 0.0, through: yMax + step / 1000, by: step).map { $0 }
    }

    /// 1, 2, 4, ... up to `maxThreads`: the thread axis's grid lines.
    var powersOfTwo: [Int] {
        var powers: [Int] = []
        var power = 1
        while power <= maxThreads {
            powers.append(power)
            guard power <= Int.max / 2 else { break }
            power *= 2
        }
        return powers
    }
}
