import Foundation
import ThreadBenchModel
import ThreadBenchStatistics

/// What the comparison of one row concluded, about the other run against the baseline,
/// from its Holm-adjusted p-value.
public enum ComparisonVerdict: String, Sendable, CaseIterable {
    /// The other run's wall times are lower, and the adjusted U test says the difference is real.
    case faster
    /// The other run's wall times are higher, and the adjusted U test says the difference is real.
    case slower
    /// The test cannot tell the two apart at the chosen alpha.
    case noDifference = "no significant difference"
    /// The repetitions are too few for the test to reach alpha at all, after the Holm
    /// adjustment: "no significant difference" would only restate that.
    case tooFewRepetitions = "too-few-repetitions"
}

/// One workload x runtime x scaling x thread count measured in both runs.
public struct ComparisonRow: Sendable {
    public var key: BatchKey
    public var kind: WorkloadKind
    /// Index in the report's runs of the run compared with the baseline (the first run).
    public var otherIndex: Int
    public var baselineWalls: [Double]
    public var otherWalls: [Double]
    public var baselineMedianSeconds: Seconds
    public var otherMedianSeconds: Seconds
    /// Speedup against 1 thread in each run (nil when that run lacks its 1-thread row).
    public var baselineSpeedup: Double?
    public var otherSpeedup: Double?
    /// median(other) / median(baseline): below 1 the other run is faster.
    public var ratio: Double
    public var ratioCI95Low: Double
    public var ratioCI95High: Double
    /// The U test on the two sets of wall times (successful batches only).
    public var test: MannWhitneyU
    /// The test's p-value after Holm's adjustment over every row of this comparison
    /// (`HolmAdjustment`); the verdict comes from it.
    public var adjustedP: Double
    public var verdict: ComparisonVerdict

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
    /// The significance level of the U tests, held across the rows of each comparison by Holm's method.
    public let alpha: Double
    /// How the p-values of one comparison are adjusted for testing many rows at once.
    public static let pAdjustment = "holm"
    /// Rows found in the baseline and in another run, per other run in file order.
    public let rows: [ComparisonRow]
    /// Speedup curves of every workload and runtime found in more than one run.
    public let curves: [CurveComparison]
    /// Things to know before trusting the verdicts, one sentence each.
    public let warnings: [String]

    /// Rows where the other run is significantly slower, by the Holm-adjusted test, by more than `percent`.
    public func regressions(beyondPercent percent: Double) -> [ComparisonRow] {
        rows.filter { $0.verdict == .slower && $0.changePercent > percent }
    }
}

/// Why runs could not be compared.
public enum ComparisonError: Error, Equatable, CustomStringConvertible {
    /// Fewer than two runs given.
    case tooFewRuns
    /// Two runs have no workload x runtime x scaling x thread count in common.
    case nothingInCommon(baseline: String, other: String)
    /// Two runs have rows in common, but in every one of them a task did different work.
    case differentWork(baseline: String, other: String, example: String)

    public var description: String {
        switch self {
        case .tooFewRuns:
            return "compare needs at least two CSV files"
        case .nothingInCommon(let baseline, let other):
            return "\(baseline) and \(other) have no rows in common (no workload, runtime, scaling and thread "
                + "count measured in both)"
        case .differentWork(let baseline, let other, let example):
            return "\(baseline) and \(other) have no rows of the same work per task (\(example)); "
                + "compare runs made with the same sizes"
        }
    }
}

extension ComparisonReport {
    /// Compares the first run (the baseline) with every other.
    /// - Parameters:
    ///   - runs: two or more runs.
    ///   - alpha: the U test's significance level.
    /// - Throws: `ComparisonError`.
    public init(runs: [RecordedRun], alpha: Double = 0.05) throws {
        guard runs.count >= 2 else { throw ComparisonError.tooFewRuns }
        self.runs = runs
        self.alpha = alpha
        analyses = runs.map(RunAnalysis.init)
        let groups = runs.map { $0.records.filter { !$0.failed }.orderedGroups(by: BatchKey.init) }
        var rows: [ComparisonRow] = []
        var warnings: [String] = []
        for other in 1..<runs.count {
            let compared = try Self.compare(groups[0], groups[other], other: other, runs: runs, analyses: analyses,
                                            alpha: alpha)
            rows += compared.rows
            warnings += compared.warnings
        }
        self.rows = rows
        self.warnings = Self.runWarnings(runs) + warnings + Self.repetitionWarnings(rows, alpha: alpha, runs: runs)
        self.curves = Self.curves(analyses)
    }

    private typealias Groups = [(key: BatchKey, members: [BatchRecord])]

    /// The rows of the baseline's groups that run `other` measured too with the same work per
    /// task, in the baseline's order, with warnings about rows of different work (not compared),
    /// different task counts and rows that only one of them has.
    private static func compare(_ baseline: Groups, _ others: Groups, other: Int, runs: [RecordedRun],
                                analyses: [RunAnalysis], alpha: Double) throws -> (rows: [ComparisonRow], warnings: [String]) {
        let otherRecords = Dictionary(uniqueKeysWithValues: others.map { ($0.key, $0.members) })
        let shared = baseline.compactMap { key, a in otherRecords[key].map { (key: key, a: a, b: $0) } }
        guard !shared.isEmpty else {
            throw ComparisonError.nothingInCommon(baseline: runs[0].path, other: runs[other].path)
        }
        let (common, differentWork) = WorkMatching.split(shared)
        guard !common.isEmpty else {
            throw ComparisonError.differentWork(baseline: runs[0].path, other: runs[other].path,
                                                example: WorkMatching.describe(differentWork, limit: 1))
        }
        var rows = common.map { key, a, b in
            row(key: key, a: a, b: b, otherIndex: other, baselineSummary: analyses[0].summary,
                otherSummary: analyses[other].summary)
        }
        judge(&rows, alpha: alpha)
        var warnings: [String] = []
        if !differentWork.isEmpty {
            warnings.append("\(differentWork.count) rows did different work per task in \(runs[0].label) and "
                + "\(runs[other].label) and are not compared: " + WorkMatching.describe(differentWork, limit: 3))
        }
        let taskMismatches = common.filter { $0.a[0].tasks != $0.b[0].tasks }.map { key, a, b in
            "\(key.workload) at \(key.threads) threads (\(a[0].tasks) vs \(b[0].tasks))"
        }
        if !taskMismatches.isEmpty {
            warnings.append("\(runs[other].label) ran a different number of tasks than \(runs[0].label) for "
                + taskMismatches.prefix(3).joined(separator: ", ") + (taskMismatches.count > 3 ? ", ..." : "")
                + "; their wall times measure different work (compare quick runs with quick runs)")
        }
        let onlyBaseline = baseline.count - shared.count
        let onlyOther = others.count - shared.count
        if onlyBaseline + onlyOther > 0 {
            warnings.append("\(onlyBaseline) rows only in \(runs[0].label) and \(onlyOther) only in "
                + "\(runs[other].label) are not compared")
        }
        return (rows, warnings)
    }

    private static func row(key: BatchKey, a: [BatchRecord], b: [BatchRecord], otherIndex: Int,
                            baselineSummary: [SummaryRow], otherSummary: [SummaryRow]) -> ComparisonRow {
        let aWalls = a.map(\.wallSeconds), bWalls = b.map(\.wallSeconds)
        let aMedian = Statistics.median(aWalls), bMedian = Statistics.median(bWalls)
        let ratio = aMedian > 0 ? bMedian / aMedian : .infinity
        let ci = Statistics.ratioOfMediansCI95(numerator: bWalls, denominator: aWalls)
        let test = MannWhitneyU.test(aWalls, bWalls)!
        func speedup(_ rows: [SummaryRow]) -> Double? {
            rows.first { BatchKey($0) == key && $0.speedup > 0 }?.speedup
        }
        return ComparisonRow(key: key, kind: a[0].kind, otherIndex: otherIndex,
                             baselineWalls: aWalls, otherWalls: bWalls, baselineMedianSeconds: aMedian,
                             otherMedianSeconds: bMedian, baselineSpeedup: speedup(baselineSummary),
                             otherSpeedup: speedup(otherSummary), ratio: ratio, ratioCI95Low: ci.low,
                             ratioCI95High: ci.high, test: test, adjustedP: test.p, verdict: .noDifference)
    }

    /// Holm-adjusts the p-values of one comparison's rows and gives each its verdict: faster or
    /// slower when the adjusted p is below alpha; else too-few-repetitions when no arrangement
    /// of the repetitions could have got there (the row's own smallest possible p is not below
    /// alpha, or, since Holm multiplies the smallest p by the number of rows, no row of the
    /// comparison could pass the first step); else no significant difference.
    static func judge(_ rows: inout [ComparisonRow], alpha: Double) {
        let adjusted = HolmAdjustment.adjusted(rows.map(\.test.p))
        let smallest = rows.map { MannWhitneyU.smallestPossibleP($0.baselineWalls.count, $0.otherWalls.count) }
        let familyCanReach = Double(rows.count) * (smallest.min() ?? 1) < alpha
        for index in rows.indices {
            rows[index].adjustedP = adjusted[index]
            let row = rows[index]
            if adjusted[index] < alpha {
                rows[index].verdict = row.otherMedianSeconds < row.baselineMedianSeconds ? .faster : .slower
            } else if !familyCanReach || smallest[index] >= alpha {
                rows[index].verdict = .tooFewRepetitions
            } else {
                rows[index].verdict = .noDifference
            }
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
