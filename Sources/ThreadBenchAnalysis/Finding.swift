import ThreadBenchModel

/// What a run found, with the figures behind it; Output says it in words (`Finding.text`).
public enum Finding: Sendable, Equatable {
    /// Where threads helped one workload, under each runtime (`Findings`).
    case workload(WorkloadFinding)
    /// Computation cannot run faster than the usable CPUs allow, whatever the thread count.
    case cpuBound(usableCPUs: Int, limit: UsableCPUs.Limit?)
    /// The emulated GIL held against CPython's at one thread count (`RuntimeComparison`).
    case runtimes(RuntimeGap)
    /// Processes against threads under a GIL for one computing workload (`ProcessesFindings`).
    case processes(ProcessesGain)
}

/// Where threads helped one workload: under each runtime, or the latency a computing thread adds.
public struct WorkloadFinding: Sendable, Equatable {
    /// What was measured.
    public enum Outcome: Sendable, Equatable {
        /// Only the 1-thread rows ran: there is no speedup.
        case onlyOneThread
        /// A mixed workload: the I/O latency a computing thread adds, per runtime.
        case convoy([ConvoyEffect])
        /// A speedup per runtime, in the order the runtimes ran.
        case speedups([RuntimeSpeedup])
    }

    /// The workload.
    public var workload: String
    /// Failed tasks and timed-out threads over its rows, and its failed batches.
    public var errors, failedBatches: Int
    /// What was measured.
    public var outcome: Outcome
}

/// The I/O latency a computing thread adds to a mixed workload under one runtime.
public struct ConvoyEffect: Sendable, Equatable {
    public var runtime: Runtime
    /// The requests' p50 beside a computing thread and beside a parked one, in ms.
    public var busyMillis, parkedMillis: Double
    /// The thread count the latencies come from (the largest that has them).
    public var threads: Int
}

/// What threads did under one runtime: the row it is judged by, or why there is none.
public struct RuntimeSpeedup: Sendable, Equatable {
    /// Why a runtime has no judged row, or the row.
    public enum Judged: Sendable, Equatable {
        /// Every batch with more than 1 thread failed.
        case allFailed
        /// There is no successful 1-thread batch to measure against.
        case noBaseline
        /// The row at the focus thread count, or the best one; `usableCPUs` set when computation
        /// under this runtime is bound by them.
        case row(SummaryRow, usableCPUs: Int?, limit: UsableCPUs.Limit?)
    }

    public var runtime: Runtime
    public var judged: Judged
}

/// Every runtime's speedup at the largest thread count they all ran, and how far the emulated
/// GIL came from CPython's.
public struct RuntimeGap: Sendable, Equatable {
    public var workload: String
    /// The thread count compared; nil when no count above 1 ran under every runtime.
    public var threads: Int?
    /// swift, swift-gil and the CPython runtime, where each has a speedup at `threads`.
    public var speedups: [RuntimeFigure]
    /// swift-gil's speedup minus CPython's, when both have one.
    public var gap: Double?
    /// Within this distance the emulated GIL counts as close to CPython's.
    public var closeMargin: Double
    /// Whether CPython rows had errors.
    public var cpythonErrors: Bool
}

/// A runtime's speedup.
public struct RuntimeFigure: Sendable, Equatable {
    public var runtime: Runtime
    public var speedup: Double
}

/// What processes gave a computing workload where threads under a GIL did not.
public struct ProcessesGain: Sendable, Equatable {
    public var workload: String
    /// `cpython` when it ran (the same interpreter), else `swift-gil`.
    public var lock: Runtime
    /// The thread and process count compared.
    public var count: Int
    public var threadSpeedup, processSpeedup: Double
    /// The start method, read from the processes' runtime version.
    public var startMethod: String?
    /// Whether the processes' verdict is `helps`.
    public var clearGain: Bool
    /// The processes' errors, and their errors and timeouts together.
    public var processErrors, processErrorsAndTimeouts: Int
}
