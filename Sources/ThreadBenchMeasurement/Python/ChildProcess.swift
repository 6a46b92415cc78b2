import CThreadShims
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreadBenchModel

/// What a child process did: its exit, its output, and whether it had to be killed.
package struct ChildResult: Sendable {
    /// The exit status, or the signal number when it was killed by one.
    package var status: Int32
    /// Whether it ended on a signal rather than by exiting.
    package var killedBySignal: Bool
    /// Whether it ran past the time limit and was killed.
    package var timedOut: Bool
    /// Whether it was killed because the caller asked to stop.
    package var interrupted = false
    package var stdout: Data
    package var stderr: Data
    /// Launch to exit, in seconds.
    package var elapsedSeconds: Seconds

    /// The last non-empty line of stderr, for error messages.
    package var stderrTail: String {
        String(decoding: stderr, as: UTF8.self).split(separator: "\n")
            .last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { String($0.prefix(300)) } ?? ""
    }
}

/// Why a child process could not be run.
package struct ChildProcessError: Error, CustomStringConvertible {
    package let description: String
}

/// Runs a program to its end with a hard time limit: never waits on it forever.
package enum ChildProcess {
    /// Runs `executable` with `arguments` and stdin closed, capturing stdout and stderr.
    ///
    /// Past `timeoutSeconds`, or as soon as `shouldStop` (polled every 50 ms) says so, the
    /// child gets SIGTERM, then SIGKILL `terminationGraceSeconds` later (1 by default); output it wrote before is kept. Output readers still blocked two seconds after the child ended
    /// (a grandchild holding the pipe) are left behind with what they had read.
    /// `environment` is added to this process's own (`PYTHON_GIL`).
    /// - Throws: `ChildProcessError` when the program cannot be started.
    package static func run(_ executable: String, _ arguments: [String], timeoutSeconds: Seconds,
                            environment: [String: String] = [:], terminationGraceSeconds: Seconds = 1,
                            shouldStop: () -> Bool = { false }) throws -> ChildResult {
        let (process, out, err, exited) = try launch(executable, arguments, environment: environment)
        let began = Clock.nowNanos()
        let pid = process.processIdentifier
        tb_child_remember(pid)
        defer { tb_child_forget(pid) }
        let stdout = PipeReader(out.fileHandleForReading)
        let stderr = PipeReader(err.fileHandleForReading)

        var timedOut = false
        var interrupted = false
        let deadline = DispatchTime.now() + max(0, timeoutSeconds)
        while exited.wait(timeout: min(deadline, .now() + 0.05)) == .timedOut {
            interrupted = shouldStop()
            timedOut = !interrupted && DispatchTime.now() >= deadline
            guard interrupted || timedOut else { continue }
            process.terminate()
            if exited.wait(timeout: .now() + terminationGraceSeconds) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
            break
        }
        let elapsed = Clock.seconds(Clock.span(began, Clock.nowNanos()))
        let readDeadline = DispatchTime.now() + 2
        return ChildResult(
            status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, interrupted: interrupted, stdout: stdout.finish(by: readDeadline), stderr: stderr.finish(by: readDeadline),
            elapsedSeconds: elapsed)
    }
}

extension ChildProcess {
    /// Starts `executable` with stdin closed and stdout and stderr on pipes.
    ///
    /// A start that fails while the file is there and executable is tried again, up to 5 times
    /// 20 ms apart: a program written moments ago (a test's stand-in interpreter) can be "busy"
    /// (ETXTBSY) while another thread's fork still holds it open for writing.
    /// - Throws: `ChildProcessError` when the program cannot be started.
    static func launch(_ executable: String, _ arguments: [String], environment: [String: String])
        throws -> (Process, out: Pipe, err: Pipe, exited: DispatchSemaphore) {
        var attempt = 0
        while true {
            attempt += 1
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
            }
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            let exited = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in exited.signal() }
            do {
                try process.run()
                return (process, out, err, exited)
            } catch {
                guard attempt < 5, FileManager.default.isExecutableFile(atPath: executable) else {
                    throw ChildProcessError(description: "cannot run \(executable): \(error.localizedDescription)")
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }
}

/// Reads one pipe to its end on a background thread, so a chatty child never blocks on a full pipe.
private final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        // A thread of its own, not a dispatch queue: when the global queue's threads are all
        // busy (a loaded machine, many tests at once) a queued reader may not even start
        // before the read deadline, and the child's output would be lost.
        let reader = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                data.append(chunk)
                lock.unlock()
            }
            done.signal()
        }
        reader.start()
    }

    /// What was read, once the pipe closed or `deadline` passed.
    func finish(by deadline: DispatchTime) -> Data {
        _ = done.wait(timeout: deadline)
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
