import ThreadBenchModel

/// The batch's main thread under the emulated GIL, as CPython's main thread holds the real one.
///
/// A CPython script's main thread holds the GIL whenever it runs Python code. `Thread.start()`
/// releases it while waiting for the new thread to signal that it runs, the barrier and
/// `join(timeout)` release it while they wait, and each of those calls takes it back before
/// returning: after the start barrier the main thread competes with computing workers for the
/// lock on every `join` that returns (`PyEval_SaveThread` / `PyEval_RestoreThread` around the
/// waits, which call `drop_gil` and `take_gil`).
///
/// Without a lock (the `swift` runtime) every call is a no-op and `blocking` just runs its body.
public final class MainThreadHandoff {
    /// The main thread's id for the lock: never a worker's (workers use their index + 1).
    public static let threadID = -1

    /// The emulated GIL, or nil under the `swift` runtime.
    public let lock: InterpreterLock?
    /// Nanoseconds the main thread spent waiting for the lock (forced switches included).
    public private(set) var lockWaitNanos: Nanoseconds = 0
    private var holding = false

    /// Creates the main thread's side of the handoff; it holds nothing until `enter()`.
    public init(lock: InterpreterLock?) {
        self.lock = lock
    }

    /// Whether the main thread holds the lock now.
    public var isHolding: Bool { holding }

    /// Takes the lock, as the interpreter's main thread holds the GIL while its script runs.
    public func enter() {
        guard let lock, !holding else { return }
        lockWaitNanos &+= lock.acquire(Self.threadID)
        holding = true
    }

    /// Runs one of the main thread's waits (for a started thread, at the barrier, in a join)
    /// with the lock released, then takes the lock back, competing with the workers.
    /// - Parameter body: the wait.
    /// - Returns: what `body` returns.
    public func blocking<T>(_ body: () throws -> T) rethrows -> T {
        guard let lock, holding else { return try body() }
        lock.release(Self.threadID)
        holding = false
        defer {
            lockWaitNanos &+= lock.acquire(Self.threadID)
            holding = true
        }
        return try body()
    }

    /// Runs a wait with the lock released like `blocking`, but takes the lock back only when
    /// `retake` says so for what the wait returned; otherwise the main thread is done with it.
    ///
    /// The executor gives up the lock for good after a join that timed out: the abandoned
    /// thread may hold the emulated lock and never drop it (a workload that blocks without
    /// `blocking { }`), and the batch timeout must hold whatever the workload does.
    /// - Parameters:
    ///   - retake: whether to take the lock back, given the wait's result.
    ///   - body: the wait.
    /// - Returns: what `body` returns.
    public func blocking<T>(retakingIf retake: (T) -> Bool, _ body: () throws -> T) rethrows -> T {
        guard let lock, holding else { return try body() }
        lock.release(Self.threadID)
        holding = false
        let result = try body()
        if retake(result) {
            lockWaitNanos &+= lock.acquire(Self.threadID)
            holding = true
        }
        return result
    }

    /// Releases the lock for good, once the batch is joined (`drop_gil`'s final release:
    /// no forced switch).
    public func exit() {
        guard let lock, holding else { return }
        lock.release(Self.threadID, final: true)
        holding = false
    }
}
