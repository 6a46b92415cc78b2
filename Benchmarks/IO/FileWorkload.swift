import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreadBenchMeasurement
import ThreadBenchModel

/// Each task writes a file, fsyncs it, reads it back and checks every byte.
///
/// Files live in a private folder made with `mkdtemp` under `--file-dir` (the system temp
/// folder by default) and removed in `tearDown`, which the runner calls after an error or
/// a Ctrl-C too. Each task has its own file, deleted once verified, so the disk holds at
/// most one file per thread. The fsync is what costs: the read back comes from the page
/// cache. Every blocking call (open, write, fsync, read, close, unlink) releases the GIL.
/// A full disk or a permission error fails the task with the system's reason.
public final class FileWorkload: Workload, PreflightCheck, @unchecked Sendable {
    public let name = "file"
    public let kind = WorkloadKind.io
    public let defaultTasks: Int
    /// Bytes each task writes and reads back.
    public let bytesPerTask: Int
    /// The folder the private temp folder is made in.
    public let parentFolder: String

    private let state = Mutex<FileWorkloadState>(FileWorkloadState())

    /// Creates the workload: 64 tasks of 256 KiB (32 of 64 KiB with `--quick`).
    public init(options: SuiteOptions) {
        bytesPerTask = options.fileBytes ?? (options.quick ? 65_536 : 262_144)
        parentFolder = options.fileDir ?? FileWorkload.systemTempFolder
        defaultTasks = options.quick ? 32 : 64
    }
    public func taskWork(under runtime: Runtime) -> TaskWork { TaskWork(amount: Double(bytesPerTask), unit: "bytes write+fsync+read") }

    public var summary: String {
        "io: writes \(bytesPerTask) bytes to a new file, fsyncs, reads back and verifies, per task, "
            + "in a private folder under \(parentFolder)"
    }

    /// The private folder while the workload is set up, else nil.
    public var folder: String? { state.withLock { $0.folder } }

    /// `TMPDIR` when set, else /tmp.
    static var systemTempFolder: String {
        let value = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return value.isEmpty ? "/tmp" : value
    }

    /// Checks that `--file-dir` is a folder this process can make a temp folder in.
    func preflight() throws {
        let folder = try Self.makePrivateFolder(in: parentFolder)
        let registration = TemporaryPaths.register(folder)
        Self.removeFolder(folder)
        TemporaryPaths.unregister(registration)
    }

    public func setUp() throws {
        let folder = try Self.makePrivateFolder(in: parentFolder)
        let registration = TemporaryPaths.register(folder)
        state.withLock { $0.folder = folder; $0.registration = registration }
    }

    public func tearDown() {
        let (folder, registration) = state.withLock { current -> (String?, TemporaryPaths.Token?) in
            defer { current.folder = nil; current.registration = nil }
            return (current.folder, current.registration)
        }
        if let folder { Self.removeFolder(folder) }
        if let registration { TemporaryPaths.unregister(registration) }
    }

    /// Removes the private folder; tries again a few times, because a thread abandoned by an
    /// interrupted batch may create a file in it while it is being emptied (after the folder
    /// is gone, such a thread's `open` fails and leaves nothing).
    static func removeFolder(_ folder: String) {
        for _ in 0..<20 {
            try? FileManager.default.removeItem(atPath: folder)
            if !FileManager.default.fileExists(atPath: folder) { return }
            usleep(10_000)
        }
    }

    public func prepareBatch(threadCount: Int) throws {
        state.withLock { $0.workers = [] }
    }

    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        guard let folder else { throw SuiteError(description: "file: setUp has not run") }
        let worker = Worker(folder: folder, bytes: bytesPerTask, seed: threadIndex)
        state.withLock { $0.workers.append(worker) }
        return worker
    }

    /// MiB moved (written plus read back) per second, from the first task's start to the
    /// last task's end across the batch's threads.
    public func finishBatch() -> [String: Double] {
        let workers = state.withLock { current -> [Worker] in
            defer { current.workers = [] }
            return current.workers
        }
        let active = workers.filter { $0.movedBytes > 0 }
        guard let first = active.map(\.firstStartNanos).min(), let last = active.map(\.lastEndNanos).max(),
              last > first else { return [:] }
        let moved = active.reduce(0) { $0 + $1.movedBytes }
        return [MetricColumns.mibPerSecond: Double(moved) / 1_048_576 / Clock.seconds(last - first)]
    }

    /// Runs a blocking system call with the GIL released; returns its result and its errno, read
    /// at once, since taking the GIL back waits on a lock, which may change errno.
    static func call<Result>(_ context: TaskContext, _ systemCall: () -> Result) -> (Result, Int32) {
        context.blocking { let result = systemCall(); return (result, errno) }
    }

    /// Makes `<parent>/threadbench-file-XXXXXX` with `mkdtemp` (mode 0700).
    /// - Throws: `SuiteError` saying why, e.g. the folder does not exist or is read-only.
    static func makePrivateFolder(in parent: String) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) else {
            throw SuiteError(description: "--file-dir \(parent) does not exist")
        }
        guard isFolder.boolValue else {
            throw SuiteError(description: "--file-dir \(parent) is not a folder")
        }
        let trimmed = parent.hasSuffix("/") && parent.count > 1 ? String(parent.dropLast()) : parent
        var template = Array("\(trimmed)/threadbench-file-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw SuiteError(description: "cannot make a temp folder in --file-dir \(parent): \(SystemError.text(errno))")
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// One thread's buffers and counters; written by its thread only, read after the join.
    final class Worker: TaskWorker, @unchecked Sendable {
        let folder: String
        let bytes: Int
        private let written: UnsafeMutableRawBufferPointer
        private let readBack: UnsafeMutableRawBufferPointer
        private(set) var movedBytes = 0
        private(set) var firstStartNanos: Nanoseconds = 0
        private(set) var lastEndNanos: Nanoseconds = 0

        init(folder: String, bytes: Int, seed: Int) {
            self.folder = folder
            self.bytes = bytes
            written = .allocate(byteCount: max(1, bytes), alignment: 64)
            readBack = .allocate(byteCount: max(1, bytes), alignment: 64)
            // A pattern that differs per thread, so a file read back from the wrong place fails.
            var value = UInt64(seed &+ 1) &* 0x9E37_79B9_7F4A_7C15
            for offset in 0..<bytes {
                value = value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                written[offset] = UInt8(truncatingIfNeeded: value >> 56)
            }
        }

        deinit {
            written.deallocate()
            readBack.deallocate()
        }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            let begin = Clock.nowNanos()
            if firstStartNanos == 0 { firstStartNanos = begin }
            let path = "\(folder)/task-\(task).bin"
            defer { lastEndNanos = Clock.nowNanos() }
            do {
                try writeFile(path, context: context)
                try readAndVerify(path, context: context)
                _ = context.blocking { unlink(path) }
                movedBytes += 2 * bytes
                return TaskOutcome(ops: 1, bytes: 2 * bytes)
            } catch {
                _ = context.blocking { unlink(path) }
                return TaskOutcome(ops: 1, error: "\(error)")
            }
        }

        private func writeFile(_ path: String, context: TaskContext) throws {
            try withFile(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, context: context) { fd in
                let done = try transfer("write", path, context: context) { write(fd, written.baseAddress! + $0, bytes - $0) }
                guard done == bytes else {
                    throw SuiteError(description: "write \(path): \(done) bytes written of \(bytes)")
                }
                let (synced, syncErrno) = FileWorkload.call(context) { fsync(fd) }
                guard synced == 0 else { throw SystemError(call: "fsync", path: path, code: syncErrno) }
            }
        }

        private func readAndVerify(_ path: String, context: TaskContext) throws {
            let done = try withFile(path, O_RDONLY | O_CLOEXEC, context: context) { fd in
                try transfer("read", path, context: context) { read(fd, readBack.baseAddress! + $0, bytes - $0) }
            }
            guard done == bytes else {
                throw SuiteError(description: "read \(path): \(done) bytes back, wrote \(bytes)")
            }
            guard bytes == 0 || memcmp(written.baseAddress!, readBack.baseAddress!, bytes) == 0 else {
                throw SuiteError(description: "read \(path): the bytes read back differ from those written")
            }
        }

        /// Opens `path` with `flags` (mode 0600 when it creates the file), runs `body` on the
        /// descriptor and closes it, every call with the GIL released.
        private func withFile<Result>(_ path: String, _ flags: Int32, context: TaskContext,
                                      _ body: (Int32) throws -> Result) throws -> Result {
            let (fd, openErrno) = FileWorkload.call(context) { open(path, flags, 0o600) }
            guard fd >= 0 else { throw SystemError(call: "open", path: path, code: openErrno) }
            defer { _ = context.blocking { closeFile(fd) } }
            return try body(fd)
        }

        /// Calls `step` (a `read` or a `write` of the bytes from the offset it is given) until
        /// the task's bytes have moved or it moves none (end of file), again after EINTR.
        /// - Returns: the bytes moved.
        private func transfer(_ call: String, _ path: String, context: TaskContext,
                              _ step: (Int) -> Int) throws -> Int {
            var done = 0
            while done < bytes {
                let (count, code) = FileWorkload.call(context) { step(done) }
                if count < 0 {
                    if code == EINTR { continue }
                    throw SystemError(call: call, path: path, code: code)
                }
                if count == 0 { break }
                done += count
            }
            return done
        }
    }
}

/// `close(2)`, named apart from `TaskWorker.close()`.
private func closeFile(_ fd: Int32) -> Int32 { close(fd) }
