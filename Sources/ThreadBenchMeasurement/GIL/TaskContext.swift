import ThreadBenchModel

/// What a workload's code on one worker thread uses to honour the runtime's lock.
///
/// Under `swift` there is no lock and both calls cost a branch. Under `swift-gil` the
/// thread holds the emulated GIL while it computes, polls it with `checkpoint()`, and
/// wraps every blocking call in `blocking { }`, as CPython does around I/O.
public final class TaskContext {
    /// The emulated GIL, or nil under the `swift` runtime.
    public let lock: InterpreterLock?
    /// This thread's id for the lock (non-zero, unique in the batch).
    public let threadID: Int
    /// Nanoseconds this thread spent waiting to take the lock.
    public private(set) var lockWaitNanos: Nanoseconds = 0
    private var holding = false

    /// Creates the context of one worker thread.
    /// - Parameter threadIndex: the worker's index in its batch, from 0; its lock id is one more.
    public init(lock: InterpreterLock?, threadIndex: Int) {
        self.lock = lock
        self.threadID = threadIndex + 1
    }

    /// Takes the lock before the thread runs any workload code (a no-op without a lock).
    public func enter() {
        guard let lock, !holding else { return }
        lockWaitNanos &+= lock.acquire(threadID)
        holding = true
    }

    /// Releases the lock for good when the thread is done (a no-op without a lock).
    ///
    /// This is the thread's last release, so it never waits in a forced switch: `drop_gil`
    /// skips it for a thread state that is going away.
    public func exit() {
        guard let lock, holding else { return }
        lock.release(threadID, final: true)
        holding = false
    }

    /// The eval-breaker poll: call it every small unit of computation.
    @inline(__always)
    public func checkpoint() {
        guard let lock, holding else { return }
        lockWaitNanos &+= lock.checkpoint(threadID)
    }

    /// Runs a blocking call with the lock released, then takes the lock back.
    /// - Parameter body: the blocking call (a sleep, a transfer, a read, a write, an fsync).
    /// - Returns: what `body` returns.
    public func blocking<T>(_ body: () throws -> T) rethrows -> T {
        guard let lock, holding else { return try body() }
        lock.release(threadID)
        holding = false
        defer {
            lockWaitNanos &+= lock.acquire(threadID)
            holding = true
        }
        return try body()
    }

    /// Runs interpreter work that falls inside a blocking call with the lock held, then
    /// releases it again: what CPython does between two socket calls of one request, where
    /// `http.client` parses a header line or copies a piece of the body under the GIL.
    ///
    /// Call it only inside `blocking { }` (e.g. from a libcurl callback); there the lock is
    /// taken for `body` and released after it, forced switches and all. Anywhere else, and
    /// without a lock, it just runs `body`.
    /// - Parameter body: the work the interpreter would do under its lock.
    /// - Returns: what `body` returns.
    public func interpreting<T>(_ body: () throws -> T) rethrows -> T {
        guard let lock, !holding else { return try body() }
        lockWaitNanos &+= lock.acquire(threadID)
        holding = true
        defer {
            lock.release(threadID)
            holding = false
        }
        return try body()
    }
}
