import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchOutput

/// The SVG of fixed charts, byte for byte as the reporter wrote it before its drawing was split
/// into steps: a single-run chart, a comparison chart and a hand-built panel with odd values.
@Suite struct SVGChartGoldenTests {
    /// Charts that reach every drawing step: bands, a one-point series, several dash patterns,
    /// a core mark beyond the axis, an ideal line capped by cores, and text to escape.
    static func charts() throws -> [SpeedupChart] {
        let single = SpeedupChart.charts(SVGChartReporterTests.summary(), label: "host \"A\"", usableCPUs: 2)
        let report = try ComparisonReport(runs: [try Fixture.run("machine-a.csv"), try Fixture.run("machine-b.csv")])
        let compared = SpeedupChart.charts(report)
        let odd = SpeedupChart(
            title: "odd <panel> & 'marks'", kind: .cpu,
            series: [
                ChartSeries(label: "one point", colorIndex: 9, dashIndex: 5,
                            points: [.init(threads: 1, speedup: 1, low: 1, high: 1)]),
                ChartSeries(label: "wide\tband", colorIndex: 1, dashIndex: 3, points: [
                    .init(threads: 1, speedup: 1, low: 1, high: 1),
                    .init(threads: 3, speedup: 2.7, low: 0.4, high: 3.9),
                    .init(threads: 6, speedup: 0.2, low: -1, high: 7.5),
                ]),
            ],
            coreMarks: [CoreMark(label: "4 cores", cores: 4, dashIndex: 0),
                        CoreMark(label: "64 cores", cores: 64, dashIndex: 1),
                        CoreMark(label: "2 cores", cores: 2, dashIndex: 2)],
            idealCores: 4)
        return single + compared + [odd]
    }

    @Test func renderMatchesTheSavedChart() throws {
        let svg = SVGChartReporter().render(try Self.charts())
        // THREADBENCH_UPDATE_GOLDEN=1 swift test --filter SVGChartGolden rewrites the file after a
        // deliberate change of the figures (diff it before committing).
        if ProcessInfo.processInfo.environment["THREADBENCH_UPDATE_GOLDEN"] == "1" {
            try svg.write(toFile: "Tests/ThreadBenchCoreTests/Fixtures/chart-golden.svg", atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: Fixture.path("chart-golden.svg"), encoding: .utf8)
        #expect(svg == expected)
    }
}
