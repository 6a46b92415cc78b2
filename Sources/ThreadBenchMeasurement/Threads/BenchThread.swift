import CThreadShims

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreadBenchModel

/// A joinable thread with the API of Python's `threading.Thread`, built on raw pthreads.
///
/// Create it with a target and arguments, set `daemon`, call `start()`, do other work,
/// then `join(timeout:)`. A join that times out returns false and leaves the thread
/// running; `abandon()` detaches it so it is never waited on, as a daemon thread does
/// not keep a Python process alive.
public final class BenchThread: @unchecked Sendable {
    /// A name for error messages and debuggers (the first 15 bytes become the OS thread name).
    public let name: String
    /// Whether the thread may be abandoned instead of waited for, as Python's `daemon`; the
    /// batch executor starts daemon threads and abandons those that outlive the batch timeout.
    public var daemon: Bool {
        get { state.withLock { daemonFlag } }
        set { state.withLock { daemonFlag = newValue } }
    }

    private let target: @Sendable () -> Void
    private let state = ConditionLock()
    private var daemonFlag: Bool
    private var handle: pthread_t?
    private var started = false
    private var finished = false
    private var joined = false
    private var joinInProgress = false
    private var abandoned = false
    private var timingValue = ThreadTiming()

    /// Creates a thread that will run `target` once started.
    /// - Parameters:
    ///   - name: a label for messages.
    ///   - daemon: whether the thread may be abandoned at shutdown.
    ///   - target: the body to run on the new thread.
    public init(name: String = "Thread", daemon: Bool = false, target: @escaping @Sendable () -> Void) {
        self.name = name
        self.daemonFlag = daemon
        self.target = target
    }

    /// Creates a thread that will call `target(args)`, the lesson's `Thread(target=f, args=(...))`.
    /// - Parameters:
    ///   - name: a label for messages.
    ///   - daemon: whether the thread may be abandoned at shutdown.
    ///   - target: the function to call on the new thread.
    ///   - args: the arguments passed to `target`.
    public convenience init<Arguments: Sendable>(
        name: String = "Thread", daemon: Bool = false,
        target: @escaping @Sendable (Arguments) -> Void, args: Arguments
    ) {
        self.init(name: name, daemon: daemon) { target(args) }
    }

    /// Timestamps collected so far; complete once `join` returned true.
    public var timing: ThreadTiming { state.withLock { timingValue } }

    /// True from `start()` until the target returns.
    public var isAlive: Bool { state.withLock { started && !finished } }

    /// Whether the thread was detached by `abandon()`.
    public var isAbandoned: Bool { state.withLock { abandoned } }

    /// Starts the thread.
    /// - Throws: `ThreadError.alreadyStarted`, or `ThreadError.creationFailed` when the
    ///   system refuses another thread.
    public func start() throws {
        let alreadyStarted: Bool = state.withLock {
            if started { return true }
            started = true
            return false
        }
        if alreadyStarted { throw ThreadError.alreadyStarted(name: name) }
        ThreadRegistry.shared.add(self)
        let context = Unmanaged.passRetained(self).toOpaque()
        var newHandle = pthread_t()
        let called = Clock.nowNanos()
        let code = pthread_create(&newHandle, nil, benchThreadEntry, context)
        let returned = Clock.nowNanos()
        if code != 0 {
            Unmanaged<BenchThread>.fromOpaque(context).release()
            ThreadRegistry.shared.remove(self)
            state.withLock { started = false }
            throw ThreadError.creationFailed(name: name, code: code, liveThreads: ThreadRegistry.shared.liveCount)
        }
        state.withLock {
            handle = newHandle
            timingValue.createCalledNanos = called
            timingValue.createReturnedNanos = returned
        }
    }

    /// Waits for the thread to finish.
    ///
    /// Several threads may join the same thread: one waits in the kernel, the others wait
    /// for it to report.
    /// - Parameter timeout: the longest wait in seconds; nil waits as long as it takes.
    /// - Returns: true when the thread has finished and was joined; false when the timeout
    ///   passed first (the thread is still alive) or the thread was never started.
    @discardableResult
    public func join(timeout: Seconds? = nil) -> Bool {
        let deadline = timeout.map { Clock.nowNanos() &+ Nanoseconds(max(0, min($0, 1e9)) * 1e9) }
        state.lock()
        while true {
            guard started, !abandoned, let thread = handle else { state.unlock(); return false }
            if joined { state.unlock(); return true }
            if joinInProgress {
                // Another joiner is inside pthread_join; wait for its word.
                if let deadline {
                    if !state.wait(untilNanos: deadline) && joinInProgress && !joined { state.unlock(); return false }
                } else {
                    state.wait()
                }
                continue
            }
            joinInProgress = true
            state.unlock()
            let ok = joinInKernel(thread, deadline: deadline)
            let returned = Clock.nowNanos()
            state.withLock {
                joinInProgress = false
                if ok {
                    joined = true
                    timingValue.joinReturnedNanos = returned
                }
                state.broadcast()
            }
            return ok
        }
    }

    /// Waits for the thread's exit: one wait in the kernel on Linux, like a raw pthread_join.
    private func joinInKernel(_ thread: pthread_t, deadline: Nanoseconds?) -> Bool {
        #if os(Linux)
        let code = deadline.map { tb_join_until(thread, $0) } ?? pthread_join(thread, nil)
        return code == 0
        #else
        guard waitForFinish(deadline) else { return false }
        return pthread_join(thread, nil) == 0
        #endif
    }

    /// Waits until the target returned or the deadline passed (platforms without a timed join).
    private func waitForFinish(_ deadline: Nanoseconds?) -> Bool {
        state.withLock {
            while !finished {
                if let deadline {
                    if !state.wait(untilNanos: deadline) && !finished { return false }
                } else {
                    state.wait()
                }
            }
            return true
        }
    }

    /// Detaches a thread that is still running so that nobody ever waits on it.
    ///
    /// - Returns: true when the thread was still alive and is now abandoned.
    @discardableResult
    public func abandon() -> Bool {
        state.lock()
        defer { state.unlock() }
        guard started, !joined, !joinInProgress, !abandoned, let thread = handle else { return false }
        abandoned = true
        pthread_detach(thread)
        return !finished
    }

    /// Runs the target on the new thread; called only by the C entry point.
    fileprivate func runOnThread() {
        let startedAt = Clock.nowNanos()
        target()
        let finishedAt = Clock.nowNanos()
        // A new thread's CPU clock starts at zero, so one read gives the thread's whole use.
        let cpu = Clock.threadCPUNanos()
        state.withLock {
            timingValue.startedNanos = startedAt
            timingValue.cpuNanos = cpu
            timingValue.finishedNanos = finishedAt
            finished = true
            state.broadcast()
        }
        ThreadRegistry.shared.remove(self)
    }
}

/// The C entry point handed to `pthread_create`; it takes ownership of the retained thread.
private func benchThreadEntry(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    let thread = Unmanaged<BenchThread>.fromOpaque(context).takeRetainedValue()
    thread.runOnThread()
    return nil
}
