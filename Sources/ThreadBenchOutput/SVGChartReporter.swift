import Foundation
import ThreadBenchAnalysis

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

    /// One panel: title, grid, reference lines, bands under lines, then the legend.
    private func panel(_ chart: SpeedupChart) -> String {
        let area = SVGPlotArea(chart)
        let references = chart.metric == .latencyMs ? "" : noGainLine(area) + idealLine(chart, area) + coreMarks(chart, area)
        return title(chart) + grid(area) + frame(area, chart.metric) + references + bands(chart, area)
            + seriesLines(chart, area) + legend(chart, x: area.right + 16, y: area.top)
    }

    private func title(_ chart: SpeedupChart) -> String {
        "<text class=\"title\" x=\"\(f(Self.margin.left))\" y=\"28\" font-size=\"15\" font-weight=\"bold\">"
            + "\(escape(chart.title))</text>\n"
    }

    /// Horizontal lines at nice speedup steps and vertical lines at powers of two, labelled.
    private func grid(_ area: SVGPlotArea) -> String {
        var out = ""
        for tick in area.valueTicks {
            let y = area.y(tick)
            out += "<line x1=\"\(f(area.left))\" y1=\"\(f(y))\" x2=\"\(f(area.right))\" y2=\"\(f(y))\" "
                + "stroke=\"#e4e4e4\"/>\n"
            out += "<text x=\"\(f(area.left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.label(tick))</text>\n"
        }
        for power in area.powersOfTwo {
            let x = area.x(Double(power))
            out += "<line x1=\"\(f(x))\" y1=\"\(f(area.top))\" x2=\"\(f(x))\" y2=\"\(f(area.bottom))\" stroke=\"#e4e4e4\"/>\n"
            out += "<text x=\"\(f(x))\" y=\"\(f(area.bottom + 18))\" text-anchor=\"middle\">\(power)</text>\n"
        }
        return out
    }

    /// The plot's border and the axis titles.
    private func frame(_ area: SVGPlotArea, _ metric: ChartMetric) -> String {
        "<rect x=\"\(f(area.left))\" y=\"\(f(area.top))\" width=\"\(f(area.width))\" height=\"\(f(area.height))\" "
            + "fill=\"none\" stroke=\"#444\"/>\n"
            + "<text class=\"x-label\" x=\"\(f(area.left + area.width / 2))\" y=\"\(f(Self.panelHeight - 18))\" "
            + "text-anchor=\"middle\">threads (log2 scale)</text>\n"
            + "<text class=\"y-label\" transform=\"translate(20,\(f(area.top + area.height / 2))) rotate(-90)\" "
            + "text-anchor=\"middle\">\(Self.axisTitle(metric, log: area.logScale))</text>\n"
    }

    /// The line at 1x: below it, threads made things slower.
    private func noGainLine(_ area: SVGPlotArea) -> String {
        "<line class=\"no-gain\" x1=\"\(f(area.left))\" y1=\"\(f(area.y(1)))\" x2=\"\(f(area.right))\" "
            + "y2=\"\(f(area.y(1)))\" stroke=\"#999\" stroke-width=\"1\"/>\n"
    }

    /// The ideal speedup, sampled at every power of two, at the axis end and at the core count.
    private func idealLine(_ chart: SpeedupChart, _ area: SVGPlotArea) -> String {
        var samples = Set(area.powersOfTwo.map(Double.init))
        samples.insert(Double(area.maxThreads))
        if chart.idealCores < area.maxThreads { samples.insert(Double(chart.idealCores)) }
        let points = samples.sorted().map { "\(f(area.x($0))),\(f(area.y(chart.ideal(at: $0))))" }
        return "<polyline class=\"ideal\" points=\"\(points.joined(separator: " "))\" fill=\"none\" "
            + "stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
    }

    /// A vertical mark and label at each machine's core count that lies on the axis.
    private func coreMarks(_ chart: SpeedupChart, _ area: SVGPlotArea) -> String {
        var out = ""
        for mark in chart.coreMarks where mark.cores <= area.maxThreads {
            let cx = area.x(Double(mark.cores))
            let dash = Self.dashes[mark.dashIndex % 4].isEmpty ? "3 3" : Self.dashes[mark.dashIndex % 4]
            out += "<line class=\"cores\" x1=\"\(f(cx))\" y1=\"\(f(area.top))\" x2=\"\(f(cx))\" y2=\"\(f(area.bottom))\" "
                + "stroke=\"#b8860b\" stroke-width=\"1.5\" stroke-dasharray=\"\(dash)\"/>\n"
            out += "<text x=\"\(f(cx + 4))\" y=\"\(f(area.top + 14 + 14 * Double(mark.dashIndex)))\" fill=\"#8b6508\">"
                + "\(escape(mark.label))</text>\n"
        }
        return out
    }

    /// Every series' 95% band, drawn before any line so that every line lies above every band.
    private func bands(_ chart: SpeedupChart, _ area: SVGPlotArea) -> String {
        var out = ""
        for series in chart.series where series.points.count > 1 {
            let color = Self.palette[series.colorIndex % Self.palette.count]
            let upper = series.points.map { "\(f(area.x(Double($0.threads)))),\(f(area.y($0.high)))" }
            let lower = series.points.reversed().map { "\(f(area.x(Double($0.threads)))),\(f(area.y($0.low)))" }
            out += "<path class=\"ci-band\" d=\"M \((upper + lower).joined(separator: " L ")) Z\" fill=\"\(color)\" "
                + "fill-opacity=\"0.15\" stroke=\"none\"/>\n"
        }
        return out
    }

    /// Every series' line, with a dot and a tooltip at each measured point.
    private func seriesLines(_ chart: SpeedupChart, _ area: SVGPlotArea) -> String {
        var out = ""
        for series in chart.series {
            let color = Self.palette[series.colorIndex % Self.palette.count]
            let dash = Self.dashes[series.dashIndex % Self.dashes.count]
            let points = series.points.map { "\(f(area.x(Double($0.threads)))),\(f(area.y($0.speedup)))" }
            out += "<polyline class=\"series\" data-series=\"\(escape(series.label))\" points=\"\(points.joined(separator: " "))\" "
                + "fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            for p in series.points {
                out += "<circle cx=\"\(f(area.x(Double(p.threads))))\" cy=\"\(f(area.y(p.speedup)))\" r=\"3\" fill=\"\(color)\">"
                    + "<title>\(escape(series.label)), \(p.threads) threads: "
                    + Self.tooltip(chart.metric, p) + "</title></circle>\n"
            }
        }
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
        guard chart.metric != .latencyMs else { return out + "</g>\n" }
        entry("<rect x=\"\(f(x))\" y=\"\(f(y + row * 20))\" width=\"26\" height=\"12\" fill=\"#888\" fill-opacity=\"0.2\"/>\n",
              "95% confidence band")
        entry("<line x1=\"\(f(x))\" y1=\"$Y\" x2=\"\(f(x + 26))\" y2=\"$Y\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>\n",
              chart.kind == .io ? "ideal: N threads" : "ideal: min(N, \(chart.idealCPUsText ?? "\(chart.idealCores) cores"))")
        entry("<line x1=\"\(f(x))\" y1=\"$Y\" x2=\"\(f(x + 26))\" y2=\"$Y\" stroke=\"#999\"/>\n",
              chart.metric == .speedup ? "1x: no gain" : "1: one core at a time")
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
    private func escape(_ text: String) -> String { Self.escapeMarkup(text) }

    /// Text made safe for XML (and HTML) content and attributes; control characters, which XML
    /// 1.0 does not allow, become spaces.
    static func escapeMarkup(_ text: String) -> String {
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

    /// A point's tooltip: its value and interval in the panel's unit.
    static func tooltip(_ metric: ChartMetric, _ p: ChartSeries.Point) -> String {
        switch metric {
        case .speedup: String(format: "%.2fx (95%% CI %.2f-%.2f)", p.speedup, p.low, p.high)
        case .coresBusy: String(format: "%.2f cores busy for 1 (95%% CI %.2f-%.2f)", p.speedup, p.low, p.high)
        case .latencyMs: String(format: "%.2f ms (median over rounds)", p.speedup)
        }
    }

    /// The value axis's title.
    static func axisTitle(_ metric: ChartMetric, log: Bool) -> String {
        switch metric {
        case .speedup: log ? "speedup against 1 thread (x, log2 scale)" : "speedup against 1 thread (x)"
        case .coresBusy: "cores busy at N / at 1 thread"
        case .latencyMs: "request p50 latency (ms)"
        }
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
        abs(value) < 1e15 && value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}
