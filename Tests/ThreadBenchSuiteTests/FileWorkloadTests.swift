import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchSuite

@Suite struct FileWorkloadTests {
    @Test func writesVerifiesAndRemovesItsFolder() throws {
        let parent = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let workload = FileWorkload(options: SuiteOptions(fileBytes: 10_000, fileDir: parent))
        let records = try TestSupport.run(TestSupport.plan(workload, threads: [1, 2], runtimes: [.swift, .swiftGIL],
                                                           tasks: 4))
        #expect(records.count == 4)
        for record in records {
            #expect(record.errors == 0, "\(record.firstError)")
            #expect(record.bytes == 4 * 2 * 10_000)
            #expect((record.metrics["mib_per_s"] ?? 0) > 0)
        }
        #expect(workload.folder == nil)
        #expect(TestSupport.contents(parent).isEmpty)
    }

    @Test func aFailingTaskIsARowErrorAndTheFolderIsStillRemoved() throws {
        let parent = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let workload = FileWorkload(options: SuiteOptions(fileBytes: 4096, fileDir: parent))
        try workload.setUp()
        let folder = try #require(workload.folder)
        // A folder where task 1's file should go: opening it for writing fails with EISDIR.
        try FileManager.default.createDirectory(atPath: folder + "/task-1.bin/inner", withIntermediateDirectories: true)
        let spec = BatchSpec(workload: workload, runtime: .swift, threads: 2, tasks: 4, repetition: 1,
                             scaling: .strong, switchIntervalMs: 5, timeoutSeconds: 60)
        let record = try ThreadBatchExecutor().execute(spec)
        workload.tearDown()
        #expect(record.errors == 1)
        #expect(record.firstError.contains("task-1.bin"))
        #expect(record.firstError.contains("EISDIR"))
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(TestSupport.contents(parent).isEmpty)
    }

    @Test func anInterruptedRunRemovesTheFolder() throws {
        let parent = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let workload = FileWorkload(options: SuiteOptions(fileBytes: 4096, fileDir: parent))
        let batches = Tally()
        #expect(throws: RunError.self) {
            try Runner(plan: TestSupport.plan(workload, threads: [1, 2], tasks: 4))
                .run(shouldStop: { batches.value > 0 }) { _ in batches.add() }
        }
        #expect(batches.value == 1)
        #expect(TestSupport.contents(parent).isEmpty)
    }

    @Test func preflightRejectsAMissingFolderAndAFile() throws {
        let missing = FileWorkload(options: SuiteOptions(fileDir: "/nonexistent-\(UUID().uuidString)"))
        #expect(throws: SuiteError.self) { try Suite.preflight([missing]) }
        let file = FileWorkload(options: SuiteOptions(fileDir: "/etc/hostname"))
        #expect(throws: SuiteError.self) { try Suite.preflight([file]) }
    }
}
