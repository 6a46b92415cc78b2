import ThreadBenchModel

/// Timestamps one thread collects from `start()` to `join()`, all on the monotonic clock.
public struct ThreadTiming: Sendable, Equatable {
    /// When `start()` called `pthread_create`.
    public var createCalledNanos: Nanoseconds = 0
    /// When `pthread_create` returned to `start()`.
    public var createReturnedNanos: Nanoseconds = 0
    /// The first instruction of the thread's body.
    public var startedNanos: Nanoseconds = 0
    /// When the target returned.
    public var finishedNanos: Nanoseconds = 0
    /// When `join` returned true.
    public var joinReturnedNanos: Nanoseconds = 0
    /// CPU time the thread used running its target (CLOCK_THREAD_CPUTIME_ID).
    public var cpuNanos: Nanoseconds = 0

    /// Time spent inside `pthread_create`.
    public var spawnNanos: Nanoseconds { Clock.span(createCalledNanos, createReturnedNanos) }
    /// From `pthread_create` being called to the thread running.
    public var startLatencyNanos: Nanoseconds { Clock.span(createCalledNanos, startedNanos) }
    /// From the target returning to `join` returning.
    public var joinLatencyNanos: Nanoseconds { Clock.span(finishedNanos, joinReturnedNanos) }
}
