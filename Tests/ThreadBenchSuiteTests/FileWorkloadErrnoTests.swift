import Foundation
import Testing
@testable import ThreadBenchSuite

#if canImport(Glibc)
import Glibc
#endif
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// A failed file call is reported with its own errno, even under the emulated GIL, where
/// taking the lock back after the call may change errno.
@Suite struct FileWorkloadErrnoTests {
    @Test(arguments: [Runtime.swift, .swiftGIL])
    func aFailedWriteGivesTheWritesReason(_ runtime: Runtime) throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let parent = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let workload = FileWorkload(options: SuiteOptions(fileBytes: 4096, fileDir: parent))
        try workload.setUp()
        defer { workload.tearDown() }
        let folder = try #require(workload.folder)
        // Task 1's file is /dev/full: opening it works, every write fails with ENOSPC.
        try FileManager.default.createSymbolicLink(atPath: folder + "/task-1.bin", withDestinationPath: "/dev/full")
        let spec = BatchSpec(workload: workload, runtime: runtime, threads: 2, tasks: 4, repetition: 1,
                             scaling: .strong, switchIntervalMs: 5, timeoutSeconds: 60)
        let record = try ThreadBatchExecutor().execute(spec)
        #expect(record.errors == 1)
        #expect(record.firstError.hasPrefix("write "), "\(record.firstError)")
        #expect(record.firstError.contains("task-1.bin"))
        #expect(record.firstError.hasSuffix("(ENOSPC)"), "\(record.firstError)")
    }

    @Test func theCallsErrnoIsReadBeforeTheGILIsTakenBack() {
        let lock = InterpreterLock()
        let context = TaskContext(lock: lock, threadIndex: 0)
        context.enter()
        defer { context.exit() }
        let (result, code) = FileWorkload.call(context) { write(-1, "x", 1) }
        #expect(result == -1)
        #expect(code == EBADF)
        let (opened, openCode) = FileWorkload.call(context) { open("/nonexistent-\(UUID().uuidString)/f", O_RDONLY) }
        #expect(opened == -1)
        #expect(openCode == ENOENT)
    }
}
