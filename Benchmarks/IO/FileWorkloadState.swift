import ThreadBenchModel

/// The workload's mutable state, guarded by its mutex.
struct FileWorkloadState {
    var folder: String?
    var registration: TemporaryPaths.Token?
    var workers: [FileWorkload.Worker] = []
}
