import ArgumentParser
import ThreadBenchAnalysis
import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchSession

/// `run --round-order ascending|centred`.
extension RoundOrder: ExpressibleByArgument {}

/// `--scaling strong|weak`.
extension Scaling: ExpressibleByArgument {}

/// `compare --format table|csv|markdown`.
extension ComparisonFormat: ExpressibleByArgument {}

/// `compare --test welch|mann-whitney`.
extension RatioTest: ExpressibleByArgument {}

/// `compare --correction fcr|holm|none`.
extension IntervalCorrection: ExpressibleByArgument {}

/// `run --swift-rounds shared|fresh`.
extension SwiftRounds: ExpressibleByArgument {}
