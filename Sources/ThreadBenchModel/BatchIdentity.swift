/// What says which batch a record or a summary row describes: the raw and summary CSVs'
/// key columns, in their order.
public protocol BatchIdentity {
    var workload: String { get }
    var kind: WorkloadKind { get }
    var runtime: Runtime { get }
    /// The interpreter or compiler that ran it, e.g. "swift-6.3" or "cpython-3.13.1".
    var runtimeVersion: String { get }
    var switchIntervalMs: Double { get }
    var scaling: Scaling { get }
    var threads: Int { get }
    var tasks: Int { get }
    /// What one task did: rows of different work are not compared.
    var taskWork: TaskWork { get }
}

extension BatchRecord: BatchIdentity {}

extension SummaryRow: BatchIdentity {}
