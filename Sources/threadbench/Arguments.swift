import ArgumentParser
import ThreadBenchCore

/// `--scaling strong|weak`.
extension Scaling: ExpressibleByArgument {}

/// `compare --format table|csv|markdown`.
extension ComparisonFormat: ExpressibleByArgument {}
