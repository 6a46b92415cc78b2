import ArgumentParser
import ThreadBenchModel
import ThreadBenchOutput

/// `--scaling strong|weak`.
extension Scaling: ExpressibleByArgument {}

/// `compare --format table|csv|markdown`.
extension ComparisonFormat: ExpressibleByArgument {}
