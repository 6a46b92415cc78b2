import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput

@Suite struct SVGChartReporterTests {
    static func summary() -> [SummaryRow] {
        var records: [BatchRecord] = []
        for (workload, kind) in [("math", WorkloadKind.cpu), ("sleep & <wait>", .io)] {
            for runtime in ["swift", "swift-gil"] {
                for threads in [1, 2, 4, 8] {
                    for rep in 1...3 {
                        var r = BatchRecord(workload: workload, kind: kind, runtime: Runtime(rawValue: runtime), runtimeVersion: "swift-6.3",
                                            switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 64,
                                            repetition: rep)
                        let speedup = kind == .io || runtime == "swift" ? min(Double(threads), kind == .io ? 64 : 2) : 1
                        r.wallSeconds = (1 + Double(rep) * 0.01) / speedup
                        records.append(r)
                    }
                }
            }
        }
        return Summarizer.summarize(records, usableCPUs: 2)
    }

    @Test func waitingIsOnALog2AxisAndAMixedWorkloadIsDrawnAsItsLatency() {
        var rows = Self.summary()
        let svg = SVGChartReporter().render(SpeedupChart.charts(rows, label: "a", usableCPUs: 2))
        #expect(svg.contains("speedup against 1 thread (x, log2 scale)"), "the I/O panel")
        #expect(svg.contains(">speedup against 1 thread (x)<"), "the computing panel stays linear")
        for index in rows.indices where rows[index].workload == "math" {
            rows[index].kind = .mixed
            rows[index].workload = "convoy"
            rows[index].metricMedians = ["io_p50_ms": 6.0, "io_baseline_p50_ms": 1.0]
        }
        let charts = SpeedupChart.charts(rows, label: "a", usableCPUs: 2)
        let convoy = charts.first { $0.metric == .latencyMs }
        #expect(convoy?.series.count == 4, "computing and parked, per runtime")
        #expect(convoy?.series.first?.points.map(\.speedup) == [6, 6, 6, 6])
        let text = SVGChartReporter().render(charts)
        #expect(text.contains("request p50 latency (ms)") && !text.contains("1x: no gain\n</text>\n<text"))
    }

    @Test func chartIsWellFormedWithOneLinePerRuntime() {
        let charts = SpeedupChart.charts(Self.summary(), label: "host \"A\"", usableCPUs: 2)
        #expect(charts.count == 2)
        let svg = SVGChartReporter().render(charts)
        let (ok, inspector) = SVGInspector.inspect(svg)
        #expect(ok)
        #expect(inspector.elements.first?.name == "svg")
        #expect(inspector.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        // Two panels, each with one series line per runtime, a band each, one ideal line, one core mark.
        #expect(inspector.count("g", class: "panel") == 2)
        #expect(inspector.count("polyline", class: "series") == 4)
        let series = inspector.elements.filter { $0.attributes["class"] == "series" }.compactMap { $0.attributes["data-series"] }
        #expect(series == ["swift", "swift-gil", "swift", "swift-gil"])
        #expect(inspector.count("path", class: "ci-band") == 4)
        #expect(inspector.count("polyline", class: "ideal") == 2)
        #expect(inspector.count("line", class: "cores") == 2)
        let text = inspector.texts.joined()
        #expect(text.contains("threads (log2 scale)"))
        #expect(text.contains("speedup against 1 thread"))
        #expect(text.contains("sleep & <wait>"))
        #expect(text.contains("2 cores"))
    }

    @Test func pointsSitOnALog2Axis() throws {
        let charts = SpeedupChart.charts(Array(Self.summary().prefix(4)), label: "a", usableCPUs: 2)
        let svg = SVGChartReporter().render(charts)
        let (ok, inspector) = SVGInspector.inspect(svg)
        #expect(ok)
        let line = try #require(inspector.elements.first { $0.attributes["class"] == "series" })
        let xs = try #require(line.attributes["points"]).split(separator: " ").map { Double($0.split(separator: ",")[0])! }
        #expect(xs.count == 4)
        // 1, 2, 4, 8 threads are equally spaced on a log2 axis.
        #expect(abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 0.02)
        #expect(abs((xs[3] - xs[2]) - (xs[2] - xs[1])) < 0.02)
    }

    @Test func emptyChartIsStillWellFormed() {
        #expect(SVGInspector.inspect(SVGChartReporter().render([])).ok)
    }
}

/// A file's nonsense figures (an overflowed ratio, a thread count near Int.max) bound the axes.
struct SVGPlotAreaLimitTests {
    static func chart(kind: WorkloadKind, speedup: Double, high: Double, low: Double, threads: Int) throws -> SpeedupChart {
        var rows = SVGChartReporterTests.summary()
        let index = try #require(rows.firstIndex { $0.threads == 8 && $0.kind == kind })
        rows[index].speedup = speedup
        rows[index].speedupCI95High = high
        rows[index].speedupCI95Low = low
        rows[index].threads = threads
        return try #require(SpeedupChart.charts(rows, label: "a", usableCPUs: 2).first { $0.kind == kind })
    }

    @Test(arguments: [WorkloadKind.cpu, .io])
    func overflowedFiguresGiveAFewTicks(_ kind: WorkloadKind) throws {
        for (speedup, high, low) in [(1e308, Double.infinity, 1e-320), (.infinity, .infinity, 0), (2, 1e300, 1e-300)] {
            let area = SVGPlotArea(try Self.chart(kind: kind, speedup: speedup, high: high, low: low, threads: 8))
            #expect(area.yMax.isFinite && area.yMax <= 2 * SVGPlotArea.valueLimit)
            #expect((1...40).contains(area.valueTicks.count), "\(kind) \(speedup): \(area.valueTicks.count) ticks")
        }
    }

    @Test func aThreadCountNearTheLargestIntegerStopsTheGrid() throws {
        let area = SVGPlotArea(try Self.chart(kind: .cpu, speedup: 2, high: 2.1, low: 1.9, threads: Int.max))
        #expect(area.powersOfTwo.count == 63)
    }
}
