import ThreadBenchModel

/// What one task of a workload did.
public struct TaskOutcome: Sendable {
    /// Units of work done (loop iterations, requests, files).
    public var ops: Int
    /// Bytes moved, for I/O workloads.
    public var bytes: Int
    /// Why the task failed, or nil when it succeeded.
    public var error: String?
    /// Per-task sub-timings in milliseconds by name; the runner reports `<name>_p50_ms`
    /// and `<name>_p99_ms` for every name a workload lists in `sampleNames`.
    public var samplesMs: [String: Double]

    /// Creates an outcome.
    public init(ops: Int, bytes: Int = 0, error: String? = nil, samplesMs: [String: Double] = [:]) {
        self.ops = ops
        self.bytes = bytes
        self.error = error
        self.samplesMs = samplesMs
    }
}

/// One workload of the suite: a small type in its own file under Benchmarks/.
///
/// The runner calls `setUp` once, then for every batch `prepareBatch`, one
/// `makeWorker` per thread (on the calling thread, before any worker starts), `run` for
/// each task on the worker's own thread, `close` on each worker, `finishBatch`, and
/// finally `tearDown`, which is always called, even after an error.
public protocol Workload: AnyObject, Sendable {
    /// The name used on the command line and in the CSV.
    var name: String { get }
    /// Computation, waiting, or both.
    var kind: WorkloadKind { get }
    /// One line for `threadbench list`: what a task does, with its size.
    var summary: String { get }
    /// Tasks per batch under strong scaling when `--tasks` is not given.
    var defaultTasks: Int { get }
    /// What one task does under `runtime`, recorded in every row (`task_work`,
    /// `task_work_unit`) so that only rows of the same work are compared.
    func taskWork(under runtime: Runtime) -> TaskWork
    /// Names of the per-task sub-timings this workload reports (see `TaskOutcome.samplesMs`).
    var sampleNames: [String] { get }
    /// A sentence to show beside the findings when this configuration measures something other
    /// than it seems to (e.g. computation instead of waiting), or nil.
    var caveat: String? { get }

    /// Prepares what every batch shares (a server, a folder).
    func setUp() throws
    /// Releases what `setUp` made; called once, even after an error.
    func tearDown()
    /// Called before the workers of a batch are made.
    func prepareBatch(threadCount: Int) throws
    /// Makes the state of one worker thread (a reused handle, a buffer).
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker
    /// Which of the batch's tasks thread `threadIndex` runs.
    func taskRange(threadIndex: Int, threadCount: Int, totalTasks: Int) -> Range<Int>
    /// Workload-specific batch figures for the CSV, keyed by column name.
    func finishBatch() -> [String: Double]
}

extension Workload {
    public var sampleNames: [String] { [] }
    public var caveat: String? { nil }
    public func taskWork(under runtime: Runtime) -> TaskWork { .unspecified }
    public func setUp() throws {}
    public func tearDown() {}
    public func prepareBatch(threadCount: Int) throws {}
    public func finishBatch() -> [String: Double] { [:] }

    /// Splits the tasks into contiguous, near-equal shares, one per thread.
    public func taskRange(threadIndex: Int, threadCount: Int, totalTasks: Int) -> Range<Int> {
        TaskSplit.range(threadIndex: threadIndex, threadCount: threadCount, totalTasks: totalTasks)
    }
}

/// The state of one worker thread of a workload.
public protocol TaskWorker: AnyObject {
    /// Runs one task on the worker's thread.
    /// - Parameters:
    ///   - task: the task's index in the batch.
    ///   - context: the runtime's lock: call `checkpoint()` while computing and wrap blocking
    ///     calls in `blocking { }`.
    func run(task: Int, context: TaskContext) -> TaskOutcome
    /// Releases the worker's resources after the batch.
    func close()
}

extension TaskWorker {
    public func close() {}
}

/// Splits a batch's tasks over its threads.
public enum TaskSplit {
    /// The contiguous share of thread `threadIndex`: sizes differ by at most one task.
    public static func range(threadIndex: Int, threadCount: Int, totalTasks: Int) -> Range<Int> {
        let lower = totalTasks * threadIndex / threadCount
        let upper = totalTasks * (threadIndex + 1) / threadCount
        return lower..<upper
    }
}
