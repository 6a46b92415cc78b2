import ThreadBenchModel

/// What one worker thread collected; written only by its thread, read after it was joined.
final class WorkerSlot: @unchecked Sendable {
    var taskNanos: [Nanoseconds] = []
    var ops = 0
    var bytes = 0
    var errors = 0
    var firstError: String?
    var samples: [String: [Double]] = [:]
    var lockWaitNanos: Nanoseconds = 0
}

extension WorkerSlot {
    /// The figures of this slot's thread, once joined, with the `timing` its `BenchThread` took.
    func figures(timing: ThreadTiming) -> ThreadFigures {
        let micros = { (nanos: Nanoseconds) in Double(nanos) / 1e3 }
        return ThreadFigures(
            spawnMicros: micros(timing.spawnNanos), startLatencyMicros: micros(timing.startLatencyNanos),
            joinLatencyMicros: micros(timing.joinLatencyNanos), cpuSeconds: Clock.seconds(timing.cpuNanos),
            lockWaitSeconds: Clock.seconds(lockWaitNanos), taskMillis: taskNanos.map { Double($0) / 1e6 },
            ops: ops, bytes: bytes, errors: errors, firstError: firstError, samplesMs: samples)
    }
}
