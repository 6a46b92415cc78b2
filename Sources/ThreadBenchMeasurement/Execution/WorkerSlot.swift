import ThreadBenchModel

/// What one worker thread collected; written only by its thread, read after it was joined.
final class WorkerSlot: @unchecked Sendable {
    /// Each task's duration, in the order the thread ran them.
    var taskNanos: [Nanoseconds] = []
    /// What the thread's tasks did (`ThreadFigures.count`); its timings are set once it is joined.
    var tally = ThreadFigures(spawnMicros: 0)
    /// Time the thread waited for the emulated GIL.
    var lockWaitNanos: Nanoseconds = 0
}

extension WorkerSlot {
    /// The figures of this slot's thread, once joined, with the `timing` its `BenchThread` took.
    func figures(timing: ThreadTiming) -> ThreadFigures {
        let micros = { (nanos: Nanoseconds) in Double(nanos) / 1e3 }
        var figures = tally
        figures.spawnMicros = micros(timing.spawnNanos)
        figures.startLatencyMicros = micros(timing.startLatencyNanos)
        figures.joinLatencyMicros = micros(timing.joinLatencyNanos)
        figures.cpuSeconds = Clock.seconds(timing.cpuNanos)
        figures.lockWaitSeconds = Clock.seconds(lockWaitNanos)
        figures.taskMillis = taskNanos.map { Double($0) / 1e6 }
        return figures
    }
}
