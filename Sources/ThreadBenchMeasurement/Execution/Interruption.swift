import CThreadShims
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let receivedSignal = Atomic<Int32>(0)

/// Turns SIGINT and SIGTERM into a flag the runner and the batch in flight poll.
///
/// The first signal sets the flag: worker threads stop after their current task, the batch
/// is dropped, and the run ends cleanly (its temp folders removed by the workloads' tearDown).
/// A second signal ends the process at once, after stopping the children it runs (each gets two
/// signals, removes its own temp paths and exits; up to 3 s each) and removing every path
/// registered with `TemporaryPaths`, so that even an impatient user is left no temp files.
public enum Interruption {
    /// Installs the handlers; a second signal of the same run removes the registered
    /// temporary paths and ends the process at once.
    ///
    /// Also unblocks both signals on the calling thread: a parent may have started this
    /// process with them blocked, and threads created afterwards inherit the mask.
    public static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for number in [SIGINT, SIGTERM] {
            #if canImport(Glibc)
            _ = Glibc.signal(number, Interruption.handler)
            #else
            _ = Darwin.signal(number, Interruption.handler)
            #endif
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { value in
        if receivedSignal.load(ordering: .relaxed) != 0 {
            tb_children_stop(3000)  // a round in a fresh process removes its own temp folder
            tb_temp_remove_all()
            _exit(128 + value)
        }
        receivedSignal.store(value, ordering: .relaxed)
    }

    /// The signal received, or nil while none was.
    public static var signal: Int32? {
        let value = receivedSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// The exit status for the signal received: 130 for SIGINT, 143 for SIGTERM.
    public static var exitStatus: Int32 { 128 + (signal ?? SIGINT) }
}
