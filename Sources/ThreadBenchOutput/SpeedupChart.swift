import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel

/// One line of a speedup chart: a runtime (and, when comparing, a machine) across thread counts.
public struct ChartSeries: Sendable {
    /// One measured point with its 95% interval.
    public struct Point: Sendable {
        public var threads: Int
        public var speedup: Double
        public var low: Double
        public var high: Double
    }

    /// The legend's text, e.g. "swift-gil" or "swift-gil @ laptop".
    public var label: String
    /// Which palette colour and dash pattern to use.
    public var colorIndex: Int
    public var dashIndex: Int
    /// Ascending by threads.
    public var points: [Point]
}

/// A vertical mark at a machine's core count.
public struct CoreMark: Sendable {
    public var label: String
    public var cores: Int
    public var dashIndex: Int
}

/// What a chart panel plots against threads.
public enum ChartMetric: String, Sendable {
    /// Wall time at 1 thread over wall time at N.
    case speedup
    /// Parallelism: the workers' cores busy at N over at 1 (1 means one core at a time).
    case coresBusy
    /// A mixed workload's request latency (p50, ms) with a computing thread and with it parked.
    case latencyMs
}

/// The data of one chart panel: one workload's speedup (or cores busy) against threads.
public struct SpeedupChart: Sendable {
    public var title: String
    public var kind: WorkloadKind
    /// What the panel plots; its ideal line is the same for both: min(N, cores) for computation.
    public var metric: ChartMetric = .speedup
    public var series: [ChartSeries]
    public var coreMarks: [CoreMark]
    /// The largest usable CPU count of the machines shown, for the ideal line of computation.
    public var idealCores: Int
    /// How the legend names `idealCores` ("1 usable CPU (affinity mask)"); nil: "N cores".
    public var idealCPUsText: String? = nil

    /// The best possible speedup at `threads`: N for waiting, min(N, cores) for computation.
    public func ideal(at threads: Double) -> Double {
        kind == .io ? threads : min(threads, Double(idealCores))
    }

    /// One chart per workload of a run's summary, one series per runtime.
    /// - Parameters:
    ///   - rows: the summary.
    ///   - label: the run's label, for titles.
    ///   - usableCPUs: the CPUs the run could use, where the ideal line of computation bends.
    ///   - cpuLimit: what limited them, for the mark's label.
    public static func charts(_ rows: [SummaryRow], label: String, usableCPUs: Int,
                              cpuLimit: UsableCPUs.Limit? = nil) -> [SpeedupChart] {
        let cpus = MachineInfo.cpusText(usableCPUs, limit: cpuLimit)
        return rows.orderedGroups(by: \.workload).flatMap { workload, group in
            let series = group.orderedGroups(by: seriesLabel).enumerated().map { index, line in
                makeSeries(line.members, label: line.key, colorIndex: index, dashIndex: 0)
            }
            let first = group[0]
            if first.kind == .mixed { return [latencyChart(workload, group, label: label)] }
            let speedup = SpeedupChart(
                title: "\(workload) (\(first.kind.rawValue), \(first.scaling.rawValue) scaling) on \(label)",
                kind: first.kind, series: series,
                coreMarks: [CoreMark(label: cpus, cores: usableCPUs, dashIndex: 0)],
                idealCores: usableCPUs, idealCPUsText: cpus)
            // Computation also gets its cores busy: the figure its verdict rests on.
            let busy = group.orderedGroups(by: seriesLabel).enumerated().map { index, line in
                parallelismSeries(line.members, label: line.key, colorIndex: index)
            }.filter { !$0.points.isEmpty }
            guard first.kind == .cpu, !busy.isEmpty else { return [speedup] }
            var cores = speedup
            cores.title = "\(workload): cores busy (parallelism against 1 thread) on \(label)"
            cores.metric = .coresBusy
            cores.series = busy
            return [speedup, cores]
        }
    }

    /// A mixed workload drawn as what it measures: per runtime, the request p50 with a computing
    /// thread running (solid) and with it parked (dashed), against threads.
    private static func latencyChart(_ workload: String, _ group: [SummaryRow], label: String) -> SpeedupChart {
        var series: [ChartSeries] = []
        for (index, line) in group.orderedGroups(by: seriesLabel).enumerated() {
            for (dash, what) in [(0, "computing thread running"), (1, "parked")] {
                let points = line.members.sorted { $0.threads < $1.threads }.compactMap { row -> ChartSeries.Point? in
                    guard row.verdict != .failed, let latency = row.convoyLatencyMillis else { return nil }
                    let ms = dash == 0 ? latency.busy : latency.parked
                    return ms > 0 ? ChartSeries.Point(threads: row.threads, speedup: ms, low: ms, high: ms) : nil
                }
                series.append(ChartSeries(label: "\(line.key), \(what)", colorIndex: index, dashIndex: dash,
                                          points: points))
            }
        }
        return SpeedupChart(title: "\(workload) (mixed): request p50 latency on \(label)", kind: .mixed,
                            metric: .latencyMs, series: series.filter { !$0.points.isEmpty }, coreMarks: [],
                            idealCores: 1)
    }

    /// A runtime's parallelism against threads, with its intervals; rows without it are left out.
    private static func parallelismSeries(_ rows: [SummaryRow], label: String, colorIndex: Int) -> ChartSeries {
        let points = rows.sorted { $0.threads < $1.threads }.compactMap { row -> ChartSeries.Point? in
            guard let p = row.parallelism, row.verdict != .failed else { return nil }
            return row.threads == 1 ? ChartSeries.Point(threads: 1, speedup: 1, low: 1, high: 1)
                : ChartSeries.Point(threads: row.threads, speedup: p.estimate, low: p.low, high: p.high)
        }
        return ChartSeries(label: label, colorIndex: colorIndex, dashIndex: 0, points: points)
    }

    /// One chart per workload of a comparison: every run's runtimes on the same axes, one
    /// dash pattern per run and one colour per runtime.
    public static func charts(_ report: ComparisonReport) -> [SpeedupChart] {
        let summaries = report.analyses.map(\.summary)
        let all = summaries.flatMap { $0 }
        let labels = all.orderedGroups(by: seriesLabel).map(\.key)
        return all.orderedGroups(by: \.workload).map { workload, group in
            var series: [ChartSeries] = []
            for (runIndex, summary) in summaries.enumerated() {
                for (label, rows) in summary.filter({ $0.workload == workload }).orderedGroups(by: seriesLabel) {
                    series.append(makeSeries(rows, label: "\(label) @ \(report.runs[runIndex].label)",
                                             colorIndex: labels.firstIndex(of: label) ?? 0, dashIndex: runIndex))
                }
            }
            let first = group[0]
            let marks = report.runs.enumerated().map { index, run in
                CoreMark(label: "\(run.label): \(run.metadata.machine.usableCPUsText)",
                         cores: run.metadata.machine.usableCPUs, dashIndex: index)
            }
            return SpeedupChart(
                title: "\(workload) (\(first.kind.rawValue), \(first.scaling.rawValue) scaling): "
                    + report.runs.map(\.label).joined(separator: " vs "),
                kind: first.kind, series: series, coreMarks: marks,
                idealCores: report.runs.map(\.metadata.machine.usableCPUs).max() ?? 1)
        }
    }

    /// A series' legend text and colour key: the runtime, with the scaling added when it is weak
    /// (one file may mix strong and weak runs).
    private static func seriesLabel(_ row: SummaryRow) -> String {
        row.scaling == .strong ? row.runtime.rawValue : "\(row.runtime) (weak)"
    }

    private static func makeSeries(_ rows: [SummaryRow], label: String, colorIndex: Int, dashIndex: Int) -> ChartSeries {
        let points = rows.filter { $0.speedup > 0 }.sorted { $0.threads < $1.threads }.map {
            ChartSeries.Point(threads: $0.threads, speedup: $0.speedup,
                              low: $0.threads == 1 ? $0.speedup : min($0.speedupCI95Low, $0.speedup),
                              high: $0.threads == 1 ? $0.speedup : max($0.speedupCI95High, $0.speedup))
        }
        return ChartSeries(label: label, colorIndex: colorIndex, dashIndex: dashIndex, points: points)
    }
}

extension RunAnalysis {
    /// The run's speedup charts, one panel per workload (two for computation: speedup and cores
    /// busy), titled with the run's label.
    public var charts: [SpeedupChart] {
        SpeedupChart.charts(summary, label: label, usableCPUs: machine.usableCPUs, cpuLimit: machine.cpuLimit)
    }
}
