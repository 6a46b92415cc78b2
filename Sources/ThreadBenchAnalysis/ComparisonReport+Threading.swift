import ThreadBenchModel
import ThreadBenchStatistics

extension ComparisonReport {
    /// Speedup and parallelism at every thread count above 1 that the baseline and another run
    /// both measured with the same work at N and at 1, per other run in the baseline's order.
    /// Each figure of each comparison is one family: its rows are judged together. Mixed
    /// workloads are left out: their figure is the latency a computing thread adds, not a speedup.
    static func threadingRows(_ groups: [[(key: BatchKey, members: [BatchRecord])]], runs: [RecordedRun],
                              settings: ComparisonSettings) -> [ThreadingRow] {
        let baseline = Dictionary(uniqueKeysWithValues: groups[0].map { ($0.key, $0.members) })
        var result: [ThreadingRow] = []
        for other in 1..<groups.count {
            let records = Dictionary(uniqueKeysWithValues: groups[other].map { ($0.key, $0.members) })
            for figure in ThreadingFigure.allCases {
                var rows: [ThreadingRow] = []
                for (key, cellA) in groups[0] where key.threads > 1 && cellA[0].kind != .mixed {
                    let one = key.at(threads: 1)
                    guard let cellB = records[key], let partnerA = baseline[one], let partnerB = records[one],
                          WorkMatching.work(cellA) == WorkMatching.work(cellB),
                          WorkMatching.work(partnerA) == WorkMatching.work(partnerB) else { continue }
                    let scale = key.scaling == .weak ? Double(key.threads) : 1
                    let a = values(RoundRatios(group: cellA, baseline: partnerA, scale: scale), figure)
                    let b = values(RoundRatios(group: cellB, baseline: partnerB, scale: scale), figure)
                    rows.append(ThreadingRow(curve: key.curve, threads: key.threads, otherIndex: other, figure: figure,
                                             baselineValues: a, otherValues: b, baseline: LogInterval(a),
                                             other: LogInterval(b), judgement: nil))
                }
                let tests = rows.map { settings.test.test(baseline: $0.baselineValues, other: $0.otherValues) }
                for (index, judgement) in RatioJudgement.judge(tests, settings: settings).enumerated() {
                    rows[index].judgement = judgement
                }
                result += rows
            }
        }
        return result
    }

    private static func values(_ ratios: RoundRatios, _ figure: ThreadingFigure) -> [Double] {
        switch figure {
        case .speedup: ratios.speedups
        case .parallelism: ratios.parallelism
        }
    }
}
