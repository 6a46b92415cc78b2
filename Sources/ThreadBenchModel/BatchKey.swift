/// What identifies a group of repetitions: workload, runtime, scaling and thread count.
public struct BatchKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var workload: String
    public var runtime: Runtime
    public var scaling: Scaling
    public var threads: Int

    /// The key of a record or a summary row.
    public init(_ batch: some BatchIdentity) {
        self.init(workload: batch.workload, runtime: batch.runtime, scaling: batch.scaling, threads: batch.threads)
    }

    /// A key from its parts.
    public init(workload: String, runtime: Runtime, scaling: Scaling, threads: Int) {
        self.workload = workload
        self.runtime = runtime
        self.scaling = scaling
        self.threads = threads
    }

    /// The curve this key lies on: the same key at every thread count.
    public var curve: CurveKey { CurveKey(workload: workload, runtime: runtime, scaling: scaling) }

    /// The same workload, runtime and scaling at another thread count.
    public func at(threads: Int) -> BatchKey {
        BatchKey(workload: workload, runtime: runtime, scaling: scaling, threads: threads)
    }

    /// The one place a key is written as text: `workload|runtime|scaling|threads`.
    public var description: String { "\(workload)|\(runtime)|\(scaling.rawValue)|\(threads)" }

    public static func < (lhs: BatchKey, rhs: BatchKey) -> Bool {
        (lhs.curve, lhs.threads) < (rhs.curve, rhs.threads)
    }
}

/// What identifies a speedup curve: workload, runtime and scaling, over every thread count.
public struct CurveKey: Hashable, Sendable, Comparable {
    public var workload: String
    public var runtime: Runtime
    public var scaling: Scaling

    /// The curve of a record or a summary row.
    public init(_ batch: some BatchIdentity) {
        self.init(workload: batch.workload, runtime: batch.runtime, scaling: batch.scaling)
    }

    /// A key from its parts.
    public init(workload: String, runtime: Runtime, scaling: Scaling) {
        self.workload = workload
        self.runtime = runtime
        self.scaling = scaling
    }

    public static func < (lhs: CurveKey, rhs: CurveKey) -> Bool {
        (lhs.workload, lhs.runtime, lhs.scaling.rawValue) < (rhs.workload, rhs.runtime, rhs.scaling.rawValue)
    }
}
