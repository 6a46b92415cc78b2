import Foundation
import ThreadBenchModel

/// Many runs side by side: one row per workload x runtime x scaling x thread count, a column per
/// run with its speedup and parallelism, the geometric mean of each run's wall-time ratios
/// against the first, and per workload where threads helped most in each run.
public struct ComparisonMatrix: Sendable {
    /// One run's figures in a row; nil where the run did not measure it.
    public struct Cell: Sendable, Equatable {
        public var speedup: Double
        public var parallelism: Double?
        public var verdict: Verdict
    }

    /// A workload x runtime x scaling x thread count and every run's cell.
    public struct Row: Sendable {
        public var workload: String
        public var runtime: Runtime
        public var scaling: Scaling
        public var threads: Int
        public var cells: [Cell?]
    }

    /// The most a workload's threads helped in one run: the runtime and thread count of its best speedup.
    public struct Best: Sendable, Equatable {
        public var runtime: Runtime
        public var threads: Int
        public var speedup: Double
    }

    /// The runs' labels, the first being the baseline.
    public let labels: [String]
    public let rows: [Row]
    /// Per run, exp(mean ln(wall / baseline wall)) over the rows it shares with the first run (1
    /// for the first), and how many rows that is; nil for a run with none in common.
    public let geometricMeanRatios: [(ratio: Double, rows: Int)?]
    /// Per workload (in order), per run, where its threads helped most.
    public let best: [(workload: String, runs: [Best?])]

    /// The matrix of a comparison: its runs' summaries, and its matched rows for the ratios
    /// (rows of other work are not matched, so they stay out of the means, as `compare` notes).
    public init(_ report: ComparisonReport) {
        // Runs of one machine share a label: then each is named by its file.
        let names = report.runs.map(\.label)
        labels = Set(names).count == names.count ? names
            : report.runs.map { (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension }
        let summaries = report.analyses.map(\.summary)
        let keys = summaries.flatMap { $0 }.filter { $0.threads > 1 }
            .orderedGroups(by: BatchKey.init)
        rows = keys.map { key, members in
            let first = members[0]
            let cells = summaries.map { summary -> Cell? in
                guard let row = summary.first(where: { BatchKey($0) == key }), row.speedup > 0 else { return nil }
                return Cell(speedup: row.speedup, parallelism: row.parallelism?.estimate, verdict: row.verdict)
            }
            return Row(workload: first.workload, runtime: first.runtime, scaling: first.scaling, threads: first.threads,
                       cells: cells)
        }.filter { $0.cells.compactMap { $0 }.count >= 2 }
        geometricMeanRatios = report.runs.indices.map { index in
            if index == 0 { return (1, report.rows.filter { $0.otherIndex == 1 }.count) }
            let logs = report.rows.filter { $0.otherIndex == index && $0.ratio > 0 }.map { log($0.ratio) }
            return logs.isEmpty ? nil : (exp(logs.reduce(0, +) / Double(logs.count)), logs.count)
        }
        best = summaries.flatMap { $0 }.orderedGroups(by: \.workload).filter { $0.members[0].kind != .mixed }
            .map { workload, _ in
                (workload, summaries.map { summary in
                    summary.filter { $0.workload == workload && $0.threads > 1 && $0.speedup > 0 }
                        .max { $0.speedup < $1.speedup }
                        .map { Best(runtime: $0.runtime, threads: $0.threads, speedup: $0.speedup) }
                })
            }
    }
}
