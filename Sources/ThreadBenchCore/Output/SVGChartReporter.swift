import Foundation

/// Draws speedup charts as one self-contained SVG file: a panel per workload, threads on a
/// log2 axis, one line per series with its 95% band, the ideal line and the core counts.
public struct SVGChartReporter: Sendable {
    static let panelWidth = 900.0
    static let panelHeight = 460.0
    static let margin = (left: 70.0, right: 250.0, top: 50.0, bottom: 60.0)
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
    static let dashes = ["", "8 4", "2 3", "10 3 2 3"]

    /// Creates a reporter.
    public init() {}

    /// The charts, stacked top to bottom, as SVG text.
    public func render(_ charts: [SpeedupChart]) -> String {
        let height = Self.panelHeight * Double(max(charts.count, 1))
        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(Self.panelWidth))" height="\(f(height))" \
        viewBox="0 0 \(f(Self.panelWidth)) \(f(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="#ffffff"/>

        """
        if charts.isEmpty {
            svg += "<text x=\"20\" y=\"40\">no data to chart</text>\n"
        }
        for (index, chart) in charts.enumerated() {
            svg += "<g class=\"panel\" transform=\"translate(0,\(f(Double(index) * Self.panelHeight)))\">\n"
            svg += panel(chart)
            svg += "</g>\n"
        }
        return svg + "</svg>\n"
    }

    private func panel(_ chart: SpeedupChart) -> String {
        let m = Self.margin
        let plotWidth = Self.panelWidth - m.left - m.right
        let plotHeight = Self.panelHeight - m.top - m.bottom
        let allThreads = chart.series.flatMap { $0.points.map(\.threads) }
        let maxThreads = max(allThreads.max() ?? 2, 2)
        let xMaxLog = log2(Double(maxThreads))
        func x(_ n: Double) -> Double { m.left + log2(max(n, 1)) / xMaxLog * plotWidth }
        let topData = chart.series.flatMap { $0.points.map { max($0.high, $0.speedup) } }.max() ?? 1
        let yMax = Self.niceCeiling(max(topData, chart.ideal(at: Double(maxThreads)), 1) * 1.05)
        func y(_ s: Double) -> Double { m.top + plotHeight - min(max(s, 0), yMax) / yMax * plotHeight }

        var out = "<text class=\"title\" x=\"\(f(m.left))\" y=\"28\" font-size=\"15\" font-weight=\"bold\">"
            + "\(escape(chart.title))</text>\n"
        // Grid and axes.
        let step = Self.niceStep(yMax / 5)
        var tick = 0.0
        while tick <= yMax + step / 1000 {
            out += "<line x1=\"\(f(m.left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(m.left + plotWidth))\" y2=\"\(f(y(tick)))\" "
                + "stroke=\"#e4e4e4\"/>\n"
            out += "<text x=\"\(f(m.left - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(Self.label(tick))</text>\n"
            tick += step
        }
        var power = 1
        while power <= maxThreads {
            out += "<line x1=\"\(f(x(Double(power))))\" y1=\"\(f(m.top))\" x2=\"\(f(x(Double(power))))\" "
                + "y2=\"\(f(m.top + plotHeight))\" stroke=\"#e4e4e4\"/>\n"
            out += "<text x=\"\(f(x(Double(power))))\" y=\"\(f(m.top + plotHeight + 18))\" text-anchor=\"middle\">"
                + "\(power)</text>\n"
            power *= 2
        }
        out += "<rect x=\"\(f(m.left))\" y=\"\(f(m.top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" "
            + "fill=\"none\" stroke=\"#444\"/>\n"
        out += "<text class=\"x-label\" x=\"\(f(m.left + plotWidth / 2))\" y=\"\(f(Self.panelHeight - 18))\" "
            + "text-anchor=\"middle\">threads (log2 scale)</text>\n"
        out += "<text class=\"y-label\" transform=\"translate(20,\(f(m.top + plotHeight / 2))) rotate(-90)\" "
            + "text-anchor=\"middle\">speedup against 1 thread (x)</text>\n"
        // No-gain line at 1x.
        out += "<line class=\"no-gain\" x1=\"\(f(m.left))\" y1=\"\(f(y(1)))\" x2=\"\(f(m.left + plotWidth))\" "
            + "y2=\"\(f(y(1)))\" stroke=\"#999\" stroke-width=\"1\"/>\n"
        // Ideal line, sampled at every power of two and at the core count.
        var samples = Set<Double>()
        power = 1
        while power <= maxThreads { samples.insert(Double(power)); power *= 2 }
        samples.insert(Double(maxThreads))
        if chart.idealCores < maxThreads { samples.insert(Double(chart.idealCores)) }
        let idealPoints = samples.sorted().map { "\(f(x($0))),\(f(y(chart.ideal(at: $0))))" }
        out += "<polyline class=\"ideal\" points=\"\(idealPoints.joined(separator: " "))\" fill=\"none\" "
            + "stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        // Core counts.
        for mark in chart.coreMarks where mark.cores <= maxThreads {
            let cx = x(Double(mark.cores))
            out += "<line class=\"cores\" x1=\"\(f(cx))\" y1=\"\(f(m.top))\" x2=\"\(f(cx))\" y2=\"\(f(m.top + plotHeight))\" "
                + "stroke=\"#b8860b\" stroke-width=\"1.5\" stroke-dasharray=\"\(Self.dashes[mark.dashIndex % 4].isEmpty ? "3 3" : Self.dashes[mark.dashIndex % 4])\"/>\n"
            out += "<text x=\"\(f(cx + 4))\" y=\"\(f(m.top + 14 + 14 * Double(mark.dashIndex)))\" fill=\"#8b6508\">"
                + "\(escape(mark.label))</text>\n"
        }
        // Bands first, so every line is drawn above every band.
        for series in chart.series where series.points.count > 1 {
            let color = Self.palette[series.colorIndex % Self.palette.count]
            let upper = series.points.map { "\(f(x(Double($0.threads)))),\(f(y($0.high)))" }
            let lower = series.points.reversed().map { "\(f(x(Double($0.threads)))),\(f(y($0.low)))" }
            out += "<path class=\"ci-band\" d=\"M \((upper + lower).joined(separator: " L ")) Z\" fill=\"\(color)\" "
                + "fill-opacity=\"0.15\" stroke=\"none\"/>\n"
        }
        for series in chart.series {
            let color = Self.palette[series.colorIndex % Self.palette.count]
            let dash = Self.dashes[series.dashIndex % Self.dashes.count]
            let points = series.points.map { "\(f(x(Double($0.threads)))),\(f(y($0.speedup)))" }
            out += "<polyline class=\"series\" data-series=\"\(escape(series.label))\" points=\"\(points.joined(separator: " "))\" "
                + "fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            for p in series.points {
                out += "<circle cx=\"\(f(x(Double(p.threads))))\" cy=\"\(f(y(p.speedup)))\" r=\"3\" fill=\"\(color)\">"
                    + "<title>\(escape(series.label)), \(p.threads) threads: "
                    + String(format: "%.2fx (95%% CI %.2f-%.2f)", p.speedup, p.low, p.high) + "</title></circle>\n"
            }
        }
        out += legend(chart, x: m.left + plotWidth + 16, y: m.top)
        return out
    }

    private func legend(_ chart: SpeedupChart, x: Double, y: Double) -> String {
        var out = "<g class=\"legend\">\n"
        var row = 0.0
        func entry(_ swatch: String, _ text: String) {
            let top = y + row * 20
            out += swatch.replacingOccurrences(of: "$Y", with: f(top + 6))
            out += "<text x=\"\(f(x + 34))\" y=\"\(f(top + 10))\">\(escape(text))</text>\n"
            row += 1
        }
        for series in chart.series {
            let color = Self.palette[series.colorIndex % Self.palette.count]
            let dash = Self.dashes[series.dashIndex % Self.dashes.count]
            entry("<line x1=\"\(f(x))\" y1=\"$Y\" x2=\"\(f(x + 26))\" y2=\"$Y\" stroke=\"\(color)\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n", series.label)
        }
        entry("<rect x=\"\(f(x))\" y=\"\(f(y + row * 20))\" width=\"26\" height=\"12\" fill=\"#888\" fill-opacity=\"0.2\"/>\n",
              "95% confidence band")
        entry("<line x1=\"\(f(x))\" y1=\"$Y\" x2=\"\(f(x + 26))\" y2=\"$Y\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>\n",
              chart.kind == .io ? "ideal: N threads" : "ideal: min(N, \(chart.idealCores) cores)")
        entry("<line x1=\"\(f(x))\" y1=\"$Y\" x2=\"\(f(x + 26))\" y2=\"$Y\" stroke=\"#999\"/>\n", "1x: no gain")
        for mark in chart.coreMarks {
            let beyond = mark.cores > (chart.series.flatMap { $0.points.map(\.threads) }.max() ?? 1)
            entry("<line x1=\"\(f(x + 13))\" y1=\"\(f(y + row * 20))\" x2=\"\(f(x + 13))\" y2=\"\(f(y + row * 20 + 12))\" "
                + "stroke=\"#b8860b\" stroke-width=\"1.5\"/>\n", mark.label + (beyond ? " (beyond the axis)" : ""))
        }
        return out + "</g>\n"
    }

    /// A number for an attribute, two decimals at most.
    private func f(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Text made safe for XML content and attributes.
    private func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Control characters are not allowed in XML 1.0.
                if c.value < 0x20 && c != "\t" && c != "\n" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at or above `value`.
    static func niceStep(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for multiple in [1.0, 2, 2.5, 5, 10] where multiple * magnitude >= value { return multiple * magnitude }
        return 10 * magnitude
    }

    /// The axis top: the next multiple of a nice step above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        let step = niceStep(value / 5)
        return (value / step).rounded(.up) * step
    }

    private static func label(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}
