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
        return lines
    }

    /// One warning per pair of sample sizes that the U test cannot judge well, and one per
    /// comparison whose rows are too many for Holm's adjustment to let any row through.
    static func repetitionWarnings(_ rows: [ComparisonRow], alpha: Double, runs: [RecordedRun]) -> [String] {
        var seen: Set<[Int]> = []
        var lines: [String] = []
        for row in rows {
            let n1 = row.baselineWalls.count, n2 = row.otherWalls.count
            guard n1 < 5 || n2 < 5, seen.insert([n1, n2]).inserted else { continue }
            let smallest = MannWhitneyU.smallestPossibleP(n1, n2)
            let count = rows.filter { $0.baselineWalls.count == n1 && $0.otherWalls.count == n2 }.count
            let reach = smallest >= alpha
                ? String(format: "so no row can reach alpha %g: every such row reads 'too-few-repetitions'", alpha)
                : String(format: "below alpha %g, but only when the two samples do not overlap at all", alpha)
            lines.append(String(format: "%d rows have only %d and %d repetitions: the smallest p-value the "
                + "U test can give is %.3f, %@; measure 5 or more repetitions", count, n1, n2, smallest, reach))
        }
        for (other, family) in rows.orderedGroups(by: \.otherIndex) {
            let smallest = family.map { MannWhitneyU.smallestPossibleP($0.baselineWalls.count, $0.otherWalls.count) }
                .min() ?? 1
            guard smallest < alpha, Double(family.count) * smallest >= alpha else { continue }
            lines.append(String(format: "%@ against %@ tests %d rows: Holm's adjustment multiplies the smallest "
                + "p-value by %d, and the smallest these repetitions allow is %.4f, so no row can reach alpha %g; "
                + "measure more repetitions or compare fewer rows", runs[other].label, runs[0].label, family.count,
                family.count, smallest, alpha))
        }
        return lines
    }
}
