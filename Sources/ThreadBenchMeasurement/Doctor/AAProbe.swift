import Foundation
import ThreadBenchModel

/// The A/A probe: pairs of identical 1-thread batches, timed, to measure this machine's noise.
///
/// A batch is a plain floating-point loop (sqrt and multiply-add, the suite's `math` kind of
/// work, with no allocation) on a fresh `BenchThread`, timed from start to join as the suite
/// times a 1-thread batch; its size is set first so one batch takes about `batchSeconds`.
/// Pairs run until `seconds` have passed (at least 5 pairs).
public enum AAProbe {
    /// The rounds the resolvable differences are given for.
    public static let rounds = [5, 10, 20]

    /// Runs the probe and returns its finding, with the log-sd and the resolvable differences.
    /// - Parameters:
    ///   - seconds: how long to keep making pairs.
    ///   - batchSeconds: about how long one batch runs.
    public static func check(seconds: Double, batchSeconds: Double = 0.05) -> MachineCheck {
        let pairs = measure(seconds: seconds, batchSeconds: batchSeconds)
        return finding(pairs: pairs)
    }

    /// The finding for measured pairs: unknown when they give no spread, a warning when two
    /// runs of 10 rounds cannot tell apart speedups 5% apart, OK otherwise.
    public static func finding(pairs: [(Double, Double)]) -> MachineCheck {
        guard let sd = ResolvableDifference.logSD(pairs: pairs) else {
            return MachineCheck(name: "aa_probe", state: .unknown, detail: "too few A/A pairs (\(pairs.count)) to measure the noise")
        }
        let figures = ResolvableDifference.figures(logSD: sd, rounds: rounds)
        var values = ["pairs": Double(pairs.count), "log_sd": sd]
        for figure in figures {
            values["resolvable_\(figure.rounds)_rounds"] = figure.betweenRuns
            values["cell_halfwidth_\(figure.rounds)_rounds"] = figure.withinCell
        }
        let text = figures.map { "\($0.rounds) rounds \(ActivityCheck.percent($0.betweenRuns))" }.joined(separator: ", ")
        let detail = "\(pairs.count) pairs of identical 1-thread batches differ with a log-sd of \(ActivityCheck.percent(sd)); two runs resolve speedups apart by: \(text)"
        let ten = figures.first { $0.rounds == 10 }?.betweenRuns ?? 0
        guard ten <= MachineCheck.disturbanceLimit else {
            return MachineCheck(name: "aa_probe", state: .warning, detail: detail,
                                advice: "differences smaller than these are noise on this machine; quieten it (see the other checks) or run more rounds", values: values)
        }
        return MachineCheck(name: "aa_probe", state: .ok, detail: detail, values: values)
    }

    /// Times pairs of identical batches for `seconds`; each pair is (first, second) wall seconds.
    public static func measure(seconds: Double, batchSeconds: Double) -> [(Double, Double)] {
        var iterations = 10_000
        while iterations < 1 << 40 {
            let took = batch(iterations: iterations)
            if took >= batchSeconds / 4 { iterations = max(1, Int(Double(iterations) * batchSeconds / took)); break }
            iterations *= 4
        }
        var pairs: [(Double, Double)] = []
        let start = Clock.nowNanos()
        while pairs.count < 5 || Clock.seconds(Clock.span(start, Clock.nowNanos())) < seconds {
            pairs.append((batch(iterations: iterations), batch(iterations: iterations)))
            if pairs.count >= 1000 { break }
        }
        return pairs
    }

    /// One batch: the loop on a fresh thread, its wall seconds from start to join.
    static func batch(iterations: Int) -> Double {
        let sink = ProbeSink()
        let thread = BenchThread(name: "aa-probe") { sink.value = spin(iterations) }
        let begin = Clock.nowNanos()
        guard (try? thread.start()) != nil else { return 0 }
        _ = thread.join()
        let wall = Clock.seconds(Clock.span(begin, Clock.nowNanos()))
        return sink.value.isNaN ? 0 : wall
    }

    /// The work: a dependent chain of square roots and multiply-adds the optimiser must keep.
    static func spin(_ iterations: Int) -> Double {
        var x = 1.5
        for i in 0..<iterations { x = (x * 0.999_999 + Double(i & 7)).squareRoot() + 1 }
        return x
    }
}
