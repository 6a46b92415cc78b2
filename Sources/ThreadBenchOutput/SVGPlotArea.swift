import Foundation
import ThreadBenchAnalysis

/// Where one chart panel's plot sits and how it maps threads and speedups to points:
/// threads on a log2 axis up to the most measured, speedup on a linear axis from 0.
struct SVGPlotArea {
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    /// The most threads of any series, at least 2: the right end of the axis.
    let maxThreads: Int
    /// The top of the speedup axis, a nice number above every point, band and the ideal.
    let yMax: Double

    /// The plot area of `chart` inside a panel of the reporter's size and margins.
    init(_ chart: SpeedupChart) {
        let m = SVGChartReporter.margin
        left = m.left
        top = m.top
        width = SVGChartReporter.panelWidth - m.left - m.right
        height = SVGChartReporter.panelHeight - m.top - m.bottom
        let allThreads = chart.series.flatMap { $0.points.map(\.threads) }
        maxThreads = max(allThreads.max() ?? 2, 2)
        let topData = chart.series.flatMap { $0.points.map { max($0.high, $0.speedup) } }.max() ?? 1
        yMax = SVGChartReporter.niceCeiling(max(topData, chart.ideal(at: Double(maxThreads)), 1) * 1.05)
    }

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The horizontal position of a thread count.
    func x(_ threads: Double) -> Double { left + log2(max(threads, 1)) / log2(Double(maxThreads)) * width }

    /// The vertical position of a speedup, clamped to the axis.
    func y(_ speedup: Double) -> Double { top + height - min(max(speedup, 0), yMax) / yMax * height }

    /// 1, 2, 4, ... up to `maxThreads`: the thread axis's grid lines.
    var powersOfTwo: [Int] {
        var powers: [Int] = []
        var power = 1
        while power <= maxThreads { powers.append(power); power *= 2 }
        return powers
    }
}
