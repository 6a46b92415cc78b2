import Foundation
import ThreadBenchModel
import ThreadBenchStatistics

/// What the comparison of one row concluded, about the other run against the baseline: where
/// the row's adjusted interval of the wall-time ratio lies against the threshold band.
public enum ComparisonVerdict: String, Sendable, CaseIterable {
    /// The whole interval lies below 1 / (1 + threshold): the other run is faster.
    case faster
    /// The whole interval lies above 1 + threshold: the other run is slower.
    case slower
    /// The whole interval lies within the band: no difference worth having, and the rounds say so.
    case same
    /// The interval reaches across an edge of the band, or a side has fewer than 2 rounds.
    case cantTell = "can't tell"

    /// The verdict of an interval's position against the band.
    public init(_ position: BandPosition?) {
        switch position {
        case .above: self = .slower
        case .below: self = .faster
        case .inside: self = .same
        case .across, nil: self = .cantTell
        }
    }
}

/// One workload x runtime x scaling x thread count measured in both runs.
public struct ComparisonRow: Sendable {
    public var key: BatchKey
    public var kind: WorkloadKind
    /// Index in the report's runs of the run compared with the baseline (the first run).
    public var otherIndex: Int
    /// Wall times of the successful rounds, pilot rounds included: a wall is a wall whichever
    /// stage ran it, and the rounds the pilot planned keep compare's false-call rate and the
    /// intervals' coverage (`CompareSimulationTests`, pilot rounds counted).
    public var baselineWalls: [Double]
    public var otherWalls: [Double]
    /// Geometric means of the walls.
    public var baselineMeanSeconds: Seconds
    public var otherMeanSeconds: Seconds
    /// Speedup against 1 thread in each run (nil when that run lacks its 1-thread row).
    public var baselineSpeedup: Double?
    public var otherSpeedup: Double?
    /// The wall-time ratio other / baseline with its adjusted interval; nil when a side has
    /// fewer than 2 rounds.
    public var judgement: RatioJudgement?
    public var verdict: ComparisonVerdict

    /// The estimated ratio, or the ratio of the geometric means when there is no judgement.
    public var ratio: Double { judgement?.ratio ?? otherMeanSeconds / baselineMeanSeconds }

    /// How much longer the other run took, in percent (negative when it was faster).
    public var changePercent: Double { (ratio - 1) * 100 }
}

/// The speedup curves of one workload x runtime x scaling in every run.
public struct CurveComparison: Sendable {
    public var workload: String
    public var runtime: Runtime
    public var scaling: Scaling
    /// Every thread count measured by any run, ascending.
    public var threads: [Int]
    /// Per run, the median speedup at each of `threads` (nil where it was not measured).
    public var speedups: [[Double?]]
    /// Per run, its scaling model (nil when the run lacks this workload and runtime).
    public var models: [ScalingModel?]
}

/// Compares runs from different machines or days: a baseline (the first) against each other one.
public struct ComparisonReport: Sendable {
    /// The runs, baseline first.
    public let runs: [RecordedRun]
    /// Per run, in the same order, its analysis (summary, models), computed once.
    public let analyses: [RunAnalysis]
    /// The test, correction, error rate and threshold band every row was judged by.
    public let settings: ComparisonSettings
    /// Rows found in the baseline and in another run, per other run in file order.
    public let rows: [ComparisonRow]
    /// Speedup and parallelism at each thread count above 1, per other run, judged like the rows.
    public let threading: [ThreadingRow]
    /// Speedup curves of every workload and runtime found in more than one run.
    public let curves: [CurveComparison]
    /// Things to know before trusting the verdicts.
    public let warnings: [ComparisonWarning]

    /// Rows judged slower whose estimated ratio is more than `percent` above 1.
    public func regressions(beyondPercent percent: Double) -> [ComparisonRow] {
        rows.filter { $0.verdict == .slower && $0.changePercent > percent }
    }
}

/// Why runs could not be compared.
///
/// Output says each in a line (`ComparisonError.description`).
public enum ComparisonError: Error, Equatable {
    /// Fewer than two runs given.
    case tooFewRuns
    /// A run has no row with 2 or more successful rounds, so nothing in it has a spread.
    case noRounds(path: String)
    /// Two runs have no workload x runtime x scaling x thread count in common.
    case nothingInCommon(baseline: String, other: String)
    /// Two runs have rows in common, but in every one of them a task did different work.
    case differentWork(baseline: String, other: String, differences: [WorkDifference])
    /// A runtime match that is not `BASELINE=OTHER` with two different names (`RuntimeMatch`).
    case badRuntimeMatch(String)
    /// A run lacks the runtime a match names for it.
    case runtimeNotInRun(Runtime, path: String, present: [Runtime])
}

extension ComparisonReport {
    /// Compares the first run (the baseline) with every other.
    /// - Parameters:
    ///   - runs: two or more runs.
    ///   - settings: the test, correction, error rate and threshold band.
    ///   - matching: runtimes of the baseline compared on purpose with other runtimes of the
    ///     other runs (`RuntimeMatch`), applied before anything is matched.
    /// - Throws: `ComparisonError`.
    public init(runs given: [RecordedRun], settings: ComparisonSettings = .standard,
                matching: [RuntimeMatch] = []) throws {
        guard given.count >= 2 else { throw ComparisonError.tooFewRuns }
        let (runs, matchLines) = try RuntimeMatch.apply(matching, to: given)
        self.runs = runs
        self.settings = settings
        analyses = runs.map(RunAnalysis.init)
        // Speedup and parallelism rows pair measured rounds only (`RoundRatios` leaves pilots out).
        let groups = runs.map { $0.records.filter { !$0.failed }.orderedGroups(by: BatchKey.init) }
        for (run, runGroups) in zip(runs, groups) where !runGroups.contains(where: { $0.members.count >= 2 }) {
            throw ComparisonError.noRounds(path: run.path)
        }
        var rows: [ComparisonRow] = []
        var warnings: [ComparisonWarning] = []
        for other in 1..<runs.count {
            let compared = try Self.compare(groups[0], groups[other], other: other, runs: runs, analyses: analyses,
                                            settings: settings)
            rows += compared.rows
            warnings += compared.warnings
        }
        self.rows = rows
        self.warnings = matchLines + Self.runWarnings(runs) + warnings + Self.roundWarnings(rows, runs: runs)
        self.threading = Self.threadingRows(groups, runs: runs, settings: settings)
        self.curves = Self.curves(analyses)
    }

    private typealias Groups = [(key: BatchKey, members: [BatchRecord])]

    /// The rows of the baseline's groups that run `other` measured too with the same work per
    /// task, in the baseline's order, with warnings about rows of different work (not compared),
    /// different task counts and rows that only one of them has.
    private static func compare(_ baseline: Groups, _ others: Groups, other: Int, runs: [RecordedRun],
                                analyses: [RunAnalysis], settings: ComparisonSettings) throws
        -> (rows: [ComparisonRow], warnings: [ComparisonWarning]) {
        let otherRecords = Dictionary(uniqueKeysWithValues: others.map { ($0.key, $0.members) })
        let shared = baseline.compactMap { key, a in otherRecords[key].map { (key: key, a: a, b: $0) } }
        guard !shared.isEmpty else {
            throw ComparisonError.nothingInCommon(baseline: runs[0].path, other: runs[other].path)
        }
        let (common, differentWork) = WorkMatching.split(shared)
        guard !common.isEmpty else {
            throw ComparisonError.differentWork(baseline: runs[0].path, other: runs[other].path,
                                                differences: WorkMatching.differences(differentWork))
        }
        var rows = common.map { key, a, b in
            row(key: key, a: a, b: b, otherIndex: other, baselineSummary: analyses[0].summary,
                otherSummary: analyses[other].summary)
        }
        judge(&rows, settings: settings)
        var warnings: [ComparisonWarning] = []
        let (baselineLabel, otherLabel) = (runs[0].label, runs[other].label)
        if !differentWork.isEmpty {
            warnings.append(.differentWork(baseline: baselineLabel, other: otherLabel, rows: differentWork.count,
                                           differences: WorkMatching.differences(differentWork)))
        }
        let taskMismatches = common.filter { $0.a[0].tasks != $0.b[0].tasks }.map { key, a, b in
            ComparisonWarning.TaskCounts(key: key, baseline: a[0].tasks, other: b[0].tasks)
        }
        if !taskMismatches.isEmpty {
            warnings.append(.differentTasks(baseline: baselineLabel, other: otherLabel, rows: taskMismatches))
        }
        let onlyBaseline = baseline.count - shared.count
        let onlyOther = others.count - shared.count
        if onlyBaseline + onlyOther > 0 {
            warnings.append(.unmatchedRows(baseline: baselineLabel, onlyBaseline: onlyBaseline, other: otherLabel,
                                           onlyOther: onlyOther))
        }
        return (rows, warnings)
    }

    private static func row(key: BatchKey, a: [BatchRecord], b: [BatchRecord], otherIndex: Int,
                            baselineSummary: [SummaryRow], otherSummary: [SummaryRow]) -> ComparisonRow {
        let aWalls = a.map(\.wallSeconds), bWalls = b.map(\.wallSeconds)
        func speedup(_ rows: [SummaryRow]) -> Double? {
            rows.first { BatchKey($0) == key && $0.speedup > 0 }?.speedup
        }
        return ComparisonRow(key: key, kind: a[0].kind, otherIndex: otherIndex,
                             baselineWalls: aWalls, otherWalls: bWalls,
                             baselineMeanSeconds: LogInterval(aWalls)?.estimate ?? .nan,
                             otherMeanSeconds: LogInterval(bWalls)?.estimate ?? .nan,
                             baselineSpeedup: speedup(baselineSummary), otherSpeedup: speedup(otherSummary),
                             judgement: nil, verdict: .cantTell)
    }

    /// Judges one comparison's rows together (`RatioJudgement.judge`): each gets the adjusted
    /// interval of its wall-time ratio and the verdict of where it lies against the band.
    static func judge(_ rows: inout [ComparisonRow], settings: ComparisonSettings) {
        let tests = rows.map { settings.test.test(baseline: $0.baselineWalls, other: $0.otherWalls) }
        for (index, judgement) in RatioJudgement.judge(tests, settings: settings).enumerated() {
            rows[index].judgement = judgement
            rows[index].verdict = ComparisonVerdict(judgement?.position)
        }
    }

    private static func curves(_ analyses: [RunAnalysis]) -> [CurveComparison] {
        let summaries = analyses.map(\.summary)
        let keys = summaries.joined().orderedGroups(by: CurveKey.init).map(\.key)
        return keys.compactMap { key in
            let matching = summaries.map { rows in rows.filter { CurveKey($0) == key } }
            guard matching.filter({ !$0.isEmpty }).count >= 2 else { return nil }
            let threads = Array(Set(matching.flatMap { $0.map(\.threads) })).sorted()
            let speedups = matching.map { rows in
                threads.map { n in rows.first { $0.threads == n && $0.speedup > 0 }?.speedup }
            }
            return CurveComparison(workload: key.workload, runtime: key.runtime, scaling: key.scaling, threads: threads,
                                   speedups: speedups, models: analyses.map { $0.models.first { $0.curve == key } })
        }
    }
}
