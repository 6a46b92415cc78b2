import ThreadBenchModel

/// A workload whose batches had failed tasks or timed-out threads, with the first error, so
/// that a full disk or a dead server is said on stderr and not only in the CSV.
public struct WorkloadFailures: Sendable, Equatable {
    /// The workload.
    public var workload: String
    /// Failed tasks and timed-out threads over its failed batches.
    public var errors: Int
    /// Its batches with any failure.
    public var batches: Int
    /// The first error message a failed batch recorded, empty when none did.
    public var firstError: String

    /// One per workload whose batches failed, in the order the workloads first appear.
    public static func of(_ records: [BatchRecord]) -> [WorkloadFailures] {
        records.filter { $0.errors > 0 || $0.timedOut > 0 }.orderedGroups(by: \.workload).map { name, failed in
            WorkloadFailures(workload: name, errors: failed.reduce(0) { $0 + $1.errors }, batches: failed.count,
                             firstError: failed.first { !$0.firstError.isEmpty }?.firstError ?? "")
        }
    }
}
