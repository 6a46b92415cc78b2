/// What a batch ran: the workload, the runtime and its version, the switch interval, the
/// scaling, the threads and tasks, and the work of one task. A record and a summary row each
/// hold one (`BatchIdentity`); it is what the raw and summary CSVs' key columns write.
public struct BatchSetup: Sendable, Equatable {
    public var workload: String
    public var kind: WorkloadKind
    public var runtime: Runtime
    /// The interpreter or compiler that ran it, e.g. "swift-6.3" or "cpython-3.13.1".
    public var runtimeVersion: String
    /// A CPython batch's GIL as its interpreter reported it: the build flag and the state at
    /// run time; nil for the Swift runtimes and in files before schema version 4.
    public var pythonGIL: PythonGILState?
    public var switchIntervalMs: Double
    public var scaling: Scaling
    public var threads: Int
    public var tasks: Int
    /// What one task did (`Workload.taskWork(under:)`): rows of different work are not compared.
    public var taskWork: TaskWork = .unspecified
}
