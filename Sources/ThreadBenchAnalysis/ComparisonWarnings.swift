import ThreadBenchModel
import ThreadBenchStatistics

extension ComparisonReport {
    /// Warnings about the runs themselves: debug builds, runs cut short, concatenated files,
    /// failed batches left out.
    static func runWarnings(_ runs: [RecordedRun]) -> [ComparisonWarning] {
        var warnings: [ComparisonWarning] = []
        for run in runs {
            if run.buildConfiguration == "debug" { warnings.append(.debugBuild(path: run.path)) }
            if !run.complete { warnings.append(.cutShort(path: run.path)) }
            if run.runIDs.count > 1 { warnings.append(.pooledRuns(path: run.path, runs: run.runIDs.count)) }
            let failed = run.records.filter(\.failed).count
            if failed > 0 { warnings.append(.failedBatches(path: run.path, batches: failed)) }
        }
        return warnings + machineCheckWarnings(runs)
    }

    /// One warning per run whose machine checks differ from the first run's, naming each
    /// difference ("aslr warning here, ok there"); runs from before checks were recorded are skipped.
    static func machineCheckWarnings(_ runs: [RecordedRun]) -> [ComparisonWarning] {
        guard let base = runs.first, !base.metadata.machineChecks.isEmpty else { return [] }
        let baseStates = Dictionary(base.metadata.machineCheckStates.map { ($0.name, $0.state) }, uniquingKeysWith: { a, _ in a })
        return runs.dropFirst().compactMap { run in
            let differences = run.metadata.machineCheckStates.compactMap { check -> ComparisonWarning.CheckDifference? in
                guard let there = baseStates[check.name], there != check.state else { return nil }
                return ComparisonWarning.CheckDifference(name: check.name, here: check.state, there: there)
            }
            guard !run.metadata.machineChecks.isEmpty, !differences.isEmpty else { return nil }
            return .machineChecks(path: run.path, baselinePath: base.path, differences: differences)
        }
    }

    /// One warning per comparison with rows that a side measured fewer than 2 rounds of (no
    /// spread, so no interval: "can't tell").
    static func roundWarnings(_ rows: [ComparisonRow], runs: [RecordedRun]) -> [ComparisonWarning] {
        rows.orderedGroups(by: \.otherIndex).compactMap { other, family in
            let few = family.filter { $0.judgement == nil }
            guard !few.isEmpty else { return nil }
            return .fewRounds(baseline: runs[0].label, other: runs[other].label, rows: few.count)
        }
    }
}
