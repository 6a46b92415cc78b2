import Foundation
import ThreadBenchModel
import ThreadBenchStatistics

extension ComparisonReport {
    /// Warnings about the runs themselves: debug builds, runs cut short, concatenated files,
    /// failed batches left out.
    static func runWarnings(_ runs: [RecordedRun]) -> [String] {
        var lines: [String] = []
        for run in runs {
            if run.buildConfiguration == "debug" {
                lines.append("\(run.path) comes from a debug build; its times are not results")
            }
            if !run.complete { lines.append("\(run.path) is from a run that was cut short (run_complete=false)") }
            if run.runIDs.count > 1 {
                lines.append("\(run.path) holds \(run.runIDs.count) runs; their repetitions are pooled and the "
                    + "metadata shown is the first run's")
            }
            let failed = run.records.filter(\.failed).count
            if failed > 0 {
                lines.append("\(run.path): \(failed) failed or timed-out batches are left out of the comparison")
            }
        }
        return lines + machineCheckWarnings(runs)
    }

    /// One warning per run whose machine checks differ from the first run's, naming each
    /// difference ("aslr warning here, ok there"); runs from before checks were recorded are skipped.
    static func machineCheckWarnings(_ runs: [RecordedRun]) -> [String] {
        guard let base = runs.first, !base.metadata.machineChecks.isEmpty else { return [] }
        let baseStates = Dictionary(base.metadata.machineCheckStates.map { ($0.name, $0.state) }, uniquingKeysWith: { a, _ in a })
        return runs.dropFirst().compactMap { run in
            let differences = run.metadata.machineCheckStates.compactMap { check -> String? in
                guard let there = baseStates[check.name], there != check.state else { return nil }
                return "\(check.name) \(check.state) here, \(there) there"
            }
            guard !run.metadata.machineChecks.isEmpty, !differences.isEmpty else { return nil }
            return "\(run.path) was measured under different machine checks than \(base.path): "
                + differences.joined(separator: ", ") + "; a difference may be the machine's, not the code's"
        }
    }

    /// One warning per comparison with rows that a side measured fewer than 2 rounds of (no
    /// spread, so no interval: "can't tell").
    static func roundWarnings(_ rows: [ComparisonRow], runs: [RecordedRun]) -> [String] {
        rows.orderedGroups(by: \.otherIndex).compactMap { other, family in
            let few = family.filter { $0.judgement == nil }
            guard !few.isEmpty else { return nil }
            return "\(few.count) rows of \(runs[other].label) against \(runs[0].label) have fewer than 2 rounds on "
                + "a side, so no interval: they read \"can't tell\"; measure 5 or more rounds"
        }
    }
}
