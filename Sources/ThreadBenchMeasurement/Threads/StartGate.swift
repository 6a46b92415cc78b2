import ThreadBenchModel

/// A start barrier: threads report ready, wait, and are released together.
///
/// The runner starts every thread of a batch, waits until all are ready, then opens the
/// gate, so a batch measures the work and not the order in which threads were created.
public final class StartGate: @unchecked Sendable {
    /// What a thread is told when the gate opens.
    public enum Signal: Sendable { case go, abort }

    private let lock = ConditionLock()
    private let parties: Int
    private var ready = 0
    private var signal: Signal?
    private var openedAt: Nanoseconds = 0

    /// Creates a closed gate for `parties` threads.
    ///
    /// Only the last arrival wakes the waiters once (to tell the opener all are ready), so
    /// N threads cost O(N) wake-ups, not one round of wake-ups per arrival.
    public init(parties: Int) { self.parties = parties }

    /// Called by a worker thread: reports ready and blocks until the gate opens.
    /// - Returns: `.go` to run, `.abort` when the batch was cancelled before it began.
    public func arriveAndWait() -> Signal {
        lock.lock()
        defer { lock.unlock() }
        ready += 1
        if ready == parties { lock.broadcast() }
        while signal == nil { lock.wait() }
        return signal!
    }

    /// Blocks until every party is waiting at the gate or the deadline passes.
    /// - Returns: false when the deadline passed first.
    public func waitUntilReady(deadlineNanos: Nanoseconds) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while ready < parties {
            if !lock.wait(untilNanos: deadlineNanos) && ready < parties { return false }
        }
        return true
    }

    /// Releases every waiting thread to run.
    /// - Returns: the monotonic time at which the gate opened.
    @discardableResult
    public func open() -> Nanoseconds { release(.go) }

    /// Releases every waiting thread with the instruction to skip its work.
    public func abort() { _ = release(.abort) }

    private func release(_ value: Signal) -> Nanoseconds {
        lock.withLock {
            if signal == nil {
                signal = value
                openedAt = Clock.nowNanos()
                lock.broadcast()
            }
            return openedAt
        }
    }
}
