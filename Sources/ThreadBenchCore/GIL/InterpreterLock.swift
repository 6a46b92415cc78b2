import Synchronization

/// An emulated global interpreter lock with CPython's "new GIL" switching rules (3.2+).
///
/// - Code that computes runs only while holding the lock and calls `checkpoint` every
///   small unit of work, as CPython's eval loop polls its eval breaker.
/// - A thread that wants the lock waits at most one switch interval, then sets a drop
///   request; the holder drops the lock at its next checkpoint and does not take it back
///   until another thread has taken it (forced switching).
/// - Blocking calls release the lock and take it back afterwards (`TaskContext.blocking`).
///   Taking it back can wait behind a computing holder: the convoy effect.
public final class InterpreterLock: @unchecked Sendable {
    /// The switch interval in nanoseconds (CPython's `sys.getswitchinterval()`, 5 ms by default).
    public let switchIntervalNanos: Nanoseconds

    private let dropRequest = Atomic<Bool>(false)
    private let state = ConditionLock()
    private let switchLock = ConditionLock()
    private var locked = false
    private var holder = 0
    private var lastHolder = 0
    private var switchNumber: UInt64 = 0
    private var forcedSwitches: UInt64 = 0

    /// Creates a free lock.
    /// - Parameter switchIntervalNanos: how long a waiter waits before asking the holder to drop.
    public init(switchIntervalNanos: Nanoseconds = 5_000_000) {
        self.switchIntervalNanos = max(1, switchIntervalNanos)
    }

    /// Whether some waiter asked the holder to drop the lock (read at every checkpoint).
    @inline(__always)
    public var isDropRequested: Bool { dropRequest.load(ordering: .relaxed) }

    /// The thread id holding the lock, or nil when it is free.
    public var currentHolder: Int? { state.withLock { locked ? holder : nil } }

    /// How many times a holder was made to drop the lock by a waiter's request.
    public var forcedSwitchCount: UInt64 { state.withLock { forcedSwitches } }

    /// Takes the lock for thread `id`, blocking as CPython's `take_gil` does.
    /// - Parameter id: a non-zero id, unique per thread.
    /// - Returns: nanoseconds spent waiting.
    @discardableResult
    public func acquire(_ id: Int) -> Nanoseconds {
        let begin = Clock.nowNanos()
        state.lock()
        while locked {
            let seenSwitch = switchNumber
            let deadline = Clock.nowNanos() &+ switchIntervalNanos
            let signalled = state.wait(untilNanos: deadline)
            if !signalled && locked && switchNumber == seenSwitch {
                dropRequest.store(true, ordering: .relaxed)
            }
        }
        locked = true
        holder = id
        switchNumber &+= 1
        let previous = lastHolder
        lastHolder = id
        dropRequest.store(false, ordering: .relaxed)
        state.unlock()
        if previous != id {
            switchLock.withLock { switchLock.broadcast() }
        }
        return Clock.span(begin, Clock.nowNanos())
    }

    /// Releases the lock held by thread `id`.
    /// - Parameters:
    ///   - id: the holder's id.
    ///   - forced: true when dropping because of a drop request: the caller then waits
    ///     until another thread has taken the lock, so it cannot take it straight back.
    public func release(_ id: Int, forced: Bool = false) {
        state.withLock {
            precondition(locked && holder == id, "InterpreterLock released by a thread that does not hold it")
            locked = false
            if forced { forcedSwitches &+= 1 }
            state.signal()
        }
        guard forced else { return }
        // Forced switching: do not compete for the lock until another thread has had it.
        // The waiter that asked for the drop is still in `acquire`, so this wait ends.
        switchLock.lock()
        while state.withLock({ lastHolder == id }) { switchLock.wait() }
        switchLock.unlock()
    }

    /// Drops and retakes the lock when a waiter asked for it; call it every small unit of work.
    /// - Parameter id: the holder's id.
    /// - Returns: nanoseconds spent waiting to take the lock back (0 when nobody asked).
    @inline(__always)
    public func checkpoint(_ id: Int) -> Nanoseconds {
        guard isDropRequested else { return 0 }
        release(id, forced: true)
        return acquire(id)
    }

}
