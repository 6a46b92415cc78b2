import Synchronization
import ThreadBenchModel

/// An emulated global interpreter lock that follows the rules of CPython's `Python/ceval_gil.c`.
///
/// - Code that computes runs only while holding the lock and calls `checkpoint` every
///   small unit of work, as CPython's eval loop polls its eval breaker.
/// - A thread that wants the lock waits one switch interval at a time; when a whole interval
///   passed with no switch of holder, it sets the drop request (`take_gil`).
/// - The switch counter moves only when the lock changes hands (`take_gil`).
/// - Any release that is not a thread's last, made while a drop request is pending, waits
///   until another thread has taken the lock (`drop_gil`, FORCE_SWITCHING): at a checkpoint,
///   and equally around a blocking call (`TaskContext.blocking`).
/// - Taking the lock back after a blocking call can wait behind a computing holder: the
///   convoy effect. The time a release spends in a forced switch counts as waiting for the
///   lock: the thread's next `acquire` returns it with its own wait.
public final class InterpreterLock: @unchecked Sendable {
    /// The switch interval in nanoseconds (CPython's `sys.getswitchinterval()`, 5 ms by default).
    public let switchIntervalNanos: Nanoseconds

    private let dropRequest = Atomic<Bool>(false)
    /// CPython's `gil->mutex` and `gil->cond`: guards `locked`, `holder`, `switchNumber`, the counters.
    private let state = ConditionLock()
    /// CPython's `gil->switch_mutex` and `gil->switch_cond`: guards `lastHolder` and `takesFromOthers`.
    private let switchLock = ConditionLock()
    private var locked = false
    private var holder = 0
    private var lastHolder = 0
    private var switchNumber: UInt64 = 0
    private var forcedSwitches: UInt64 = 0
    private var forcedWaitTotalNanos: Nanoseconds = 0
    /// Per thread id, how many times that thread took the lock from another holder.
    private var takesFromOthers: [Int: Int] = [:]
    /// Forced-switch waits not yet returned by the waiting thread's next `acquire`, by thread id.
    private var carriedWaitNanos: [Int: Nanoseconds] = [:]

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

    /// How many times the lock changed hands (CPython's `switch_number`).
    public var switchCount: UInt64 { state.withLock { switchNumber } }

    /// How many releases found a drop request pending and waited for another thread to take the lock.
    public var forcedSwitchCount: UInt64 { state.withLock { forcedSwitches } }

    /// How many times thread `id` took the lock from another holder (its share of `switchCount`).
    public func takes(by id: Int) -> Int { switchLock.withLock { takesFromOthers[id] ?? 0 } }

    /// Nanoseconds all threads together spent in forced switches inside `release`.
    public var forcedSwitchWaitNanos: Nanoseconds { state.withLock { forcedWaitTotalNanos } }

    /// Takes the lock for thread `id`, blocking as CPython's `take_gil` does.
    /// - Parameter id: a non-zero id, unique per thread.
    /// - Returns: nanoseconds spent waiting for the lock since this thread last held it: this
    ///   call's wait plus any forced-switch wait of its last `release`.
    @discardableResult
    public func acquire(_ id: Int) -> Nanoseconds {
        let begin = Clock.nowNanos()
        state.lock()
        while locked {
            // take_gil: ask for a drop only after a whole interval with the lock held and no switch.
            let seenSwitch = switchNumber
            let deadline = Clock.nowNanos() &+ switchIntervalNanos
            let signalled = state.wait(untilNanos: deadline)
            if !signalled && locked && switchNumber == seenSwitch {
                dropRequest.store(true, ordering: .relaxed)
            }
        }
        locked = true
        holder = id
        // take_gil: last_holder is changed under switch_mutex, and switch_number moves only
        // when the new holder differs from the last; switch_cond is signalled on every take.
        switchLock.withLock {
            if lastHolder != id {
                lastHolder = id
                switchNumber &+= 1
                takesFromOthers[id, default: 0] += 1
            }
            switchLock.broadcast()
        }
        dropRequest.store(false, ordering: .relaxed)
        let carried = carriedWaitNanos.isEmpty ? 0 : carriedWaitNanos.removeValue(forKey: id) ?? 0
        state.unlock()
        return Clock.span(begin, Clock.nowNanos()) &+ carried
    }

    /// Releases the lock held by thread `id`, as CPython's `drop_gil` does.
    ///
    /// While a drop request is pending, the caller does not return until another thread has
    /// taken the lock, so it cannot take it straight back (forced switching); this holds for
    /// every release but a thread's last, whatever the reason for releasing.
    /// - Parameters:
    ///   - id: the holder's id.
    ///   - final: true when the thread will never take the lock again (it is ending):
    ///     `drop_gil` skips the forced switch on that release.
    public func release(_ id: Int, final: Bool = false) {
        let forced: Bool = state.withLock {
            precondition(locked && holder == id, "InterpreterLock released by a thread that does not hold it")
            locked = false
            let pending = !final && dropRequest.load(ordering: .relaxed)
            if pending { forcedSwitches &+= 1 }
            state.signal()
            return pending
        }
        guard forced else { return }
        // drop_gil, FORCE_SWITCHING: not switched yet, so clear the request and wait on
        // switch_cond until another thread is the last holder. The waiter that asked for the
        // drop is still in `acquire`, so this wait ends. (CPython waits once and accepts a
        // spurious wake-up; the loop here does not.)
        let begin = Clock.nowNanos()
        switchLock.lock()
        while lastHolder == id {
            dropRequest.store(false, ordering: .relaxed)
            switchLock.wait()
        }
        switchLock.unlock()
        let waited = Clock.span(begin, Clock.nowNanos())
        state.withLock {
            forcedWaitTotalNanos &+= waited
            carriedWaitNanos[id, default: 0] &+= waited
        }
    }

    /// Drops and retakes the lock when a waiter asked for it; call it every small unit of work.
    /// - Parameter id: the holder's id.
    /// - Returns: nanoseconds spent waiting, in the forced switch and to take the lock back
    ///   (0 when nobody asked).
    @inline(__always)
    public func checkpoint(_ id: Int) -> Nanoseconds {
        guard isDropRequested else { return 0 }
        release(id)
        return acquire(id)
    }
}
