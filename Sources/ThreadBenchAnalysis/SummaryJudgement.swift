import ThreadBenchModel
import ThreadBenchStatistics

extension BatchRecord {
    /// Whether the batch failed: any failed task or any thread past the timeout (`errors`
    /// already counts those). Its wall time then measures a crash, a timeout or partial work,
    /// so it is kept in the raw file but left out of every median, interval, fit, verdict and
    /// comparison.
    public var failed: Bool { errors > 0 || timedOut > 0 }
}

extension BatchIdentity {
    /// Whether this row's computation is bound by the CPUs: its threads ran it in parallel (no
    /// GIL, as the row recorded it), so past the usable CPUs they only take turns.
    public var isBoundByCPUs: Bool { setup.kind == .cpu && runsWithoutGIL }
}

extension Summarizer {
    /// The best speedup a row's workload could reach here: N for waits, min(N, usable CPUs) for
    /// computation without a GIL, 1 for computation under one.
    static func idealSpeedup(_ row: some BatchIdentity, usableCPUs: Int) -> Double {
        switch row.kind {
        case .io: Double(row.threads)
        case .cpu, .mixed: row.runsWithoutGIL ? Double(min(row.threads, max(1, usableCPUs))) : 1
        }
    }

    /// Karp-Flatt's serial fraction e = (1/S - 1/N) / (1 - 1/N), left empty with a note
    /// where it would not be a serial fraction: above 1x per thread (superlinear, e < 0),
    /// and for CPU-bound computation past the usable CPUs, where it measures the CPU limit.
    static func setKarpFlatt(_ row: inout SummaryRow, usableCPUs: Int) {
        let n = Double(row.threads), s = row.speedup
        guard row.threads > 1, s > 0, s.isFinite else { return }
        if s > n {
            row.notes.append(.superlinear(threads: row.threads))
        } else if row.isBoundByCPUs, row.threads > usableCPUs {
            row.notes.append(.pastUsableCPUs(usableCPUs))
        } else {
            row.karpFlatt = (1 / s - 1 / n) / (1 - 1 / n)
        }
    }

    /// Sets the verdict of a measured row.
    ///
    /// The 1-thread row is the baseline; a mixed workload gets none (its figure is not a
    /// speedup); with no successful 1-thread batch, or fewer than 2 measured rounds (no
    /// interval), the row is `inconclusive`. Otherwise the speedup's interval decides
    /// (`Verdict.classify`), except for computation whose parallelism interval lies at or below
    /// `Verdict.serialAtMost`: the threads ran one at a time, and the row is `serialized` (its
    /// verdict rests on parallelism); a speedup decisively below 0.95 as well gets a note, and
    /// the sentence says both.
    static func judge(_ row: inout SummaryRow, hasBaseline: Bool) {
        row.intervalIsNominal95 = row.rounds >= 2
        if row.threads == 1 { row.verdict = .baseline; return }
        if row.kind == .mixed {
            row.verdict = .notApplicable
            row.notes.append(.mixedWorkload)
            return
        }
        guard hasBaseline, row.speedup > 0 else {
            row.verdict = .inconclusive
            row.notes.append(.noBaseline)
            return
        }
        guard row.intervalIsNominal95 else {
            row.verdict = .inconclusive
            row.notes.append(.noInterval(rounds: row.rounds))
            return
        }
        let byTime = Verdict.classify(ciLow: row.speedupCI95Low, ciHigh: row.speedupCI95High)
        if row.kind == .cpu, let parallelism = row.parallelism, parallelism.count >= 2,
           parallelism.high <= Verdict.serialAtMost {
            row.verdict = .serialized
            if byTime == .hurts { row.notes.append(.slowerByWallTime) }
            return
        }
        row.verdict = byTime
    }

    /// The row of a cell whose every batch failed: its key and failure counts, and figures of
    /// 0 that the reporters write as empty cells.
    static func failedRow(_ group: [BatchRecord]) -> SummaryRow {
        var setup = group[0].setup
        setup.taskWork = .unspecified  // a failed row has always named no work
        var row = SummaryRow(setup: setup, verdict: .failed)
        row.errors = group.reduce(0) { $0 + $1.errors }
        row.timedOut = group.reduce(0) { $0 + $1.timedOut }
        row.failedBatches = group.count
        row.intervalIsNominal95 = false
        row.notes = [.allBatchesFailed(batches: group.count)]
        return row
    }
}
