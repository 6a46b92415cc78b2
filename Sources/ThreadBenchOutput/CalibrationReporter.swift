import Foundation
import ThreadBenchMeasurement
import ThreadBenchModel

/// Turns a calibration into the text of `threadbench calibrate`: spawn+join costs, then the clock.
public struct CalibrationReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The spawn+join percentiles of both thread kinds and their ratio, then the clock's cost and resolution.
    public func render(_ report: CalibrationReport) -> String {
        let f = { (value: Double) in String(format: "%.1f", value) }
        let p99Ratio = report.benchThreadP99Micros / max(report.rawPthreadP99Micros, 1e-9)
        return """
            spawn+join of one empty thread, \(report.threads) threads each way (\(BuildInfo.configuration) build):
              BenchThread         p50 \(f(report.benchThreadP50Micros)) us   p99 \(f(report.benchThreadP99Micros)) us
              raw pthread         p50 \(f(report.rawPthreadP50Micros)) us   p99 \(f(report.rawPthreadP99Micros)) us
              ratio               p50 \(String(format: "%.3f", report.ratio))x   p99 \(String(format: "%.3f", p99Ratio))x
            clock (CLOCK_MONOTONIC):
              read cost           \(f(report.clockReadNanos)) ns
              resolution          \(Int(report.clockResolutionNanos)) ns (kernel), \
            \(Int(report.clockObservedStepNanos)) ns smallest step seen

            """
    }
}
