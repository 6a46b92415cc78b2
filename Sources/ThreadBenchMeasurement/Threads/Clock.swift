#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import ThreadBenchModel

/// Reads the clocks the harness measures with.
public enum Clock {
    /// The monotonic clock in nanoseconds (CLOCK_MONOTONIC), immune to wall-clock changes.
    @inline(__always)
    public static func nowNanos() -> Nanoseconds {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Nanoseconds(ts.tv_sec) &* 1_000_000_000 &+ Nanoseconds(ts.tv_nsec)
    }

    /// CPU time consumed by the calling thread in nanoseconds (CLOCK_THREAD_CPUTIME_ID).
    @inline(__always)
    public static func threadCPUNanos() -> Nanoseconds {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Nanoseconds(ts.tv_sec) &* 1_000_000_000 &+ Nanoseconds(ts.tv_nsec)
    }

    /// The resolution the kernel reports for the monotonic clock, in nanoseconds.
    public static func monotonicResolutionNanos() -> Nanoseconds {
        var ts = timespec()
        clock_getres(CLOCK_MONOTONIC, &ts)
        return Nanoseconds(ts.tv_sec) &* 1_000_000_000 &+ Nanoseconds(ts.tv_nsec)
    }

    /// Converts a nanosecond span to seconds.
    @inline(__always)
    public static func seconds(_ nanos: Nanoseconds) -> Seconds { Double(nanos) / 1e9 }

    /// Nanoseconds from `start` to `end`, zero when `end` is earlier (an unset reading).
    @inline(__always)
    public static func span(_ start: Nanoseconds, _ end: Nanoseconds) -> Nanoseconds {
        end > start ? end - start : 0
    }

    /// Sleeps the calling thread for `nanos` nanoseconds, resuming after signal interruptions.
    public static func sleep(nanos: Nanoseconds) {
        var request = timespec(tv_sec: Int(nanos / 1_000_000_000), tv_nsec: Int(nanos % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR {
            request = remaining
        }
    }
}
