#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a thread could not be started.
public enum ThreadError: Error, Equatable, CustomStringConvertible {
    /// `start()` was called a second time; a thread runs once, as in Python.
    case alreadyStarted(name: String)
    /// `pthread_create` refused; `code` is its error number (EAGAIN when a limit is reached).
    case creationFailed(name: String, code: Int32, liveThreads: Int)

    public var description: String {
        switch self {
        case .alreadyStarted(let name):
            return "thread '\(name)' was already started; a thread can be started only once"
        case .creationFailed(let name, let code, let live):
            let reason = String(cString: strerror(code))
            let limit = code == EAGAIN
                ? "a system limit on threads was reached (RLIMIT_NPROC \(ThreadLimits.processLimitText()), "
                    + "kernel.threads-max \(ThreadLimits.kernelThreadsMaxText()), "
                    + "or memory for thread stacks, RLIMIT_AS \(ThreadLimits.addressSpaceLimitText()))"
                : "pthread_create failed"
            return "cannot create thread '\(name)' with \(live) threads already running: \(limit): \(reason)"
        }
    }
}
