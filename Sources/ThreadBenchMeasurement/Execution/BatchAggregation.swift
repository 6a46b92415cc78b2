import ThreadBenchModel
import ThreadBenchStatistics

/// What one worker thread measured, in a record's units, whichever runtime ran it.
///
/// Swift threads (`WorkerSlot` and `ThreadTiming`) and CPython threads (the driver's report)
/// both become these, so that one `BatchAggregation` folds either into a `BatchRecord`.
struct ThreadFigures: Equatable {
    /// False for a thread still running at the deadline: only its spawn cost counts.
    var finished = true
    var spawnMicros: Double
    var startLatencyMicros: Double?
    var joinLatencyMicros: Double?
    var cpuSeconds: Seconds = 0
    /// Time spent waiting for the emulated GIL (0 where a runtime cannot tell).
    var lockWaitSeconds: Seconds = 0
    /// Every task's duration, in the order the thread ran them.
    var taskMillis: [Double] = []
    var ops = 0
    var bytes = 0
    var errors = 0
    var firstError: String?
    /// The workload's own samples by name, in milliseconds.
    var samplesMs: [String: [Double]] = [:]

    /// Adds one task's outcome: its ops, bytes, error (the first one kept) and samples.
    mutating func count(_ outcome: TaskOutcome) {
        ops += outcome.ops
        bytes += outcome.bytes
        if let error = outcome.error {
            errors += 1
            if firstError == nil { firstError = error }
        }
        for (name, value) in outcome.samplesMs { samplesMs[name, default: []].append(value) }
    }
}

/// Folds the threads of one batch into its record: the one aggregation every executor uses.
enum BatchAggregation {
    /// Sets the record's per-thread fields from `threads`: spawn, start and join latencies,
    /// thread CPU, task percentiles, lock wait, counts, the first error and, for each of
    /// `sampleNames`, its p50 and p99 metrics. Spawn counts every thread; the rest only finished ones.
    static func fold(_ threads: [ThreadFigures], sampleNames: [String], into record: inout BatchRecord) {
        let done = threads.filter(\.finished)
        let start = done.compactMap(\.startLatencyMicros)
        let join = done.compactMap(\.joinLatencyMicros)
        record.spawnP50Micros = Statistics.median(threads.map(\.spawnMicros))
        record.startP50Micros = Statistics.median(start)
        record.startMaxMicros = start.max() ?? 0
        record.joinP50Micros = Statistics.median(join)
        record.joinMaxMicros = join.max() ?? 0
        record.threadCPUSeconds = done.reduce(0) { $0 + $1.cpuSeconds }
        let taskMillis = done.flatMap(\.taskMillis).sorted()
        record.taskP50Millis = Statistics.percentile(sorted: taskMillis, 50)
        record.taskP99Millis = Statistics.percentile(sorted: taskMillis, 99)
        record.gilWaitSeconds = done.reduce(0) { $0 + $1.lockWaitSeconds }
        record.ops = done.reduce(0) { $0 + $1.ops }
        record.bytes = done.reduce(0) { $0 + $1.bytes }
        record.errors = done.reduce(0) { $0 + $1.errors }
        record.firstError = done.lazy.compactMap(\.firstError).first ?? ""
        let samples = mergedSamples(done)
        for name in sampleNames {
            let values = (samples[name] ?? []).sorted()
            guard !values.isEmpty else { continue }
            record.metrics[MetricColumns.p50(name)] = Statistics.percentile(sorted: values, 50)
            record.metrics[MetricColumns.p99(name)] = Statistics.percentile(sorted: values, 99)
        }
    }

    /// The finished threads' samples by name, thread after thread.
    static func mergedSamples(_ threads: [ThreadFigures]) -> [String: [Double]] {
        var samples: [String: [Double]] = [:]
        for thread in threads where thread.finished {
            for (name, values) in thread.samplesMs { samples[name, default: []] += values }
        }
        return samples
    }

    /// Counts `count` threads that outlived the batch timeout: as timed out and as errors,
    /// with `reason` as the first error unless a thread reported one.
    static func markTimedOut(_ count: Int, in record: inout BatchRecord, reason: @autoclosure () -> String) {
        guard count > 0 else { return }
        record.timedOut = count
        record.errors += count
        if record.firstError.isEmpty { record.firstError = reason() }
    }
}
