/// Why a summary row's figure is missing or its verdict is what it is, with the figures behind
/// it (`SummaryRow.notes`); Output says each in a short phrase (`SummaryNote.text`).
public enum SummaryNote: Sendable, Equatable {
    /// `failed` of the row's `batches` batches failed and are left out of its figures.
    case batchesLeftOut(failed: Int, batches: Int)
    /// Every one of the row's `batches` batches failed or timed out.
    case allBatchesFailed(batches: Int)
    /// The speedup is above the thread count: Karp-Flatt would be negative.
    case superlinear(threads: Int)
    /// Computation past the usable CPUs: Karp-Flatt would measure the CPU limit.
    case pastUsableCPUs(Int)
    /// A mixed workload's figure is the added I/O latency, not a speedup.
    case mixedWorkload
    /// No successful 1-thread batch to measure the speedup against.
    case noBaseline
    /// Fewer than 2 measured rounds: no interval.
    case noInterval(rounds: Int)
    /// A serialized row whose wall-time ratio is decisively below 0.95 as well.
    case slowerByWallTime
    /// Steal or outside load above `Disturbance.limit`: each fraction of the machine's CPU
    /// time, nil where not measured.
    case disturbed(steal: Double?, otherProcesses: Double?)
}
