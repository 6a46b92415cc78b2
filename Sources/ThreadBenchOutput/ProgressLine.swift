import ThreadBenchMeasurement
import ThreadBenchModel

/// The progress line of a run: the time elapsed and left, and the batch about to run.
public enum ProgressLine {
    /// "[0:12 elapsed, ~1:05 left] math swift 4 threads round 2".
    public static func text(_ p: RunProgress) -> String {
        let phase = p.isWarmup ? "warm-up" : "round \(p.repetition)"
        let left = p.estimatedSecondsLeft.map { "~\(clock($0)) left" } ?? "estimating"
        return "[\(clock(p.elapsedSeconds)) elapsed, \(left)] \(p.workload) \(p.runtime) \(p.threads) threads \(phase)"
    }

    /// Seconds as minutes and seconds: "1:05".
    public static func clock(_ seconds: Seconds) -> String {
        let whole = seconds.isFinite ? max(0, Int(seconds.rounded())) : 0
        return "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
    }
}
