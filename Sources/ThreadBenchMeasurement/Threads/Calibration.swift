#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreadBenchStatistics

/// What the harness itself costs: empty threads through `BenchThread` against raw pthreads,
/// and the clock's read cost and resolution.
public struct CalibrationReport: Sendable {
    /// Empty threads spawned and joined per method.
    public var threads: Int
    /// Median spawn+join of one empty thread through `BenchThread`, in µs.
    public var benchThreadP50Micros: Double
    public var benchThreadP99Micros: Double
    /// Median spawn+join of one empty thread with raw `pthread_create` + `pthread_join`, in µs.
    public var rawPthreadP50Micros: Double
    public var rawPthreadP99Micros: Double
    /// Median cost of one `clock_gettime(CLOCK_MONOTONIC)` call, in ns.
    public var clockReadNanos: Double
    /// The clock's resolution as the kernel reports it, in ns.
    public var clockResolutionNanos: Double
    /// The smallest non-zero step seen between consecutive clock reads, in ns.
    public var clockObservedStepNanos: Double

    /// `benchThreadP50Micros / rawPthreadP50Micros`: the thread type's overhead factor.
    public var ratio: Double { rawPthreadP50Micros > 0 ? benchThreadP50Micros / rawPthreadP50Micros : 0 }
}

/// Measures the harness's own costs.
public enum Calibration {
    /// Measures `threads` empty threads each way, alternating the two in rounds so that
    /// machine noise affects both alike.
    /// - Throws: `ThreadError` when a thread cannot be created.
    public static func measure(threads: Int = 4000) throws -> CalibrationReport {
        var wrapped: [Double] = []
        var raw: [Double] = []
        wrapped.reserveCapacity(threads)
        raw.reserveCapacity(threads)
        let round = 100
        var done = 0
        while done < threads {
            let count = min(round, threads - done)
            for _ in 0..<count { raw.append(try rawSpawnJoinMicros()) }
            for _ in 0..<count { wrapped.append(try benchThreadSpawnJoinMicros()) }
            done += count
        }
        wrapped.sort()
        raw.sort()
        let clock = clockCosts()
        return CalibrationReport(
            threads: threads,
            benchThreadP50Micros: Statistics.percentile(sorted: wrapped, 50),
            benchThreadP99Micros: Statistics.percentile(sorted: wrapped, 99),
            rawPthreadP50Micros: Statistics.percentile(sorted: raw, 50),
            rawPthreadP99Micros: Statistics.percentile(sorted: raw, 99),
            clockReadNanos: clock.read, clockResolutionNanos: Double(Clock.monotonicResolutionNanos()),
            clockObservedStepNanos: clock.step)
    }

    /// The median spawn+join cost of `threads` empty `BenchThread`s, in µs: the floor under
    /// every batch, recorded in each run's metadata.
    public static func spawnJoinFloorMicros(threads: Int = 200) throws -> Double {
        var values: [Double] = []
        for _ in 0..<threads { values.append(try benchThreadSpawnJoinMicros()) }
        return Statistics.median(values)
    }

    private static func benchThreadSpawnJoinMicros() throws -> Double {
        let thread = BenchThread(name: "tb-calibrate") {}
        let begin = Clock.nowNanos()
        try thread.start()
        // With a timeout, as the runner joins: the path whose cost every batch pays.
        thread.join(timeout: 60)
        return Double(Clock.span(begin, Clock.nowNanos())) / 1e3
    }

    private static func rawSpawnJoinMicros() throws -> Double {
        var handle = pthread_t()
        let begin = Clock.nowNanos()
        let code = pthread_create(&handle, nil, { _ in nil }, nil)
        guard code == 0 else {
            throw ThreadError.creationFailed(name: "raw-pthread", code: code, liveThreads: 0)
        }
        pthread_join(handle, nil)
        return Double(Clock.span(begin, Clock.nowNanos())) / 1e3
    }

    private static func clockCosts() -> (read: Double, step: Double) {
        var reads: [Double] = []
        var smallestStep = Double.infinity
        for _ in 0..<200 {
            let batch = 1000
            var previous = Clock.nowNanos()
            let begin = previous
            for _ in 0..<batch {
                let now = Clock.nowNanos()
                if now > previous { smallestStep = min(smallestStep, Double(now - previous)) }
                previous = now
            }
            reads.append(Double(Clock.span(begin, previous)) / Double(batch))
        }
        return (Statistics.median(reads), smallestStep.isFinite ? smallestStep : 0)
    }
}
