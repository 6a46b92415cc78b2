/// What says which batch a record or a summary row describes: the raw and summary CSVs'
/// key columns, in their order.
public protocol BatchIdentity {
    var workload: String { get }
    var kind: WorkloadKind { get }
    var runtime: Runtime { get }
    /// The interpreter or compiler that ran it, e.g. "swift-6.3" or "cpython-3.13.1".
    var runtimeVersion: String { get }
    /// A CPython row's GIL: the build flag and the state at run time; nil for the Swift
    /// runtimes and in files before schema version 4.
    var pythonGIL: PythonGILState? { get }
    var switchIntervalMs: Double { get }
    var scaling: Scaling { get }
    var threads: Int { get }
    var tasks: Int { get }
    /// What one task did: rows of different work are not compared.
    var taskWork: TaskWork { get }
}

extension BatchRecord: BatchIdentity {}

extension SummaryRow: BatchIdentity {}

extension BatchIdentity {
    /// Whether computation under this row's runtime could use every core: plain Swift,
    /// CPython processes (one GIL each), or CPython threads whose interpreter recorded its GIL
    /// off; rows of files that recorded no GIL state fall back on the runtime's name
    /// (`cpython-nogil`).
    public var runsWithoutGIL: Bool {
        if runtime == .cpythonProcesses { return true }
        return pythonGIL.map { !$0.enabled } ?? runtime.runsWithoutGIL
    }
}
