/// A span of time in seconds, the unit of every wall-clock figure the harness reports.
public typealias Seconds = Double

/// A monotonic or CPU clock reading in nanoseconds.
public typealias Nanoseconds = UInt64
