/// What identifies a group of repetitions: workload, runtime, scaling and thread count.
public struct BatchKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var workload: String
    public var runtime: String
    public var scaling: String
    public var threads: Int

    /// The key of a record.
    public init(_ record: BatchRecord) {
        self.init(workload: record.workload, runtime: record.runtime, scaling: record.scaling.rawValue,
                  threads: record.threads)
    }

    /// A key from its parts.
    public init(workload: String, runtime: String, scaling: String, threads: Int) {
        self.workload = workload
        self.runtime = runtime
        self.scaling = scaling
        self.threads = threads
    }

    public var description: String { "\(workload)|\(runtime)|\(scaling)|\(threads)" }

    public static func < (lhs: BatchKey, rhs: BatchKey) -> Bool {
        (lhs.workload, lhs.runtime, lhs.scaling, lhs.threads) < (rhs.workload, rhs.runtime, rhs.scaling, rhs.threads)
    }
}
