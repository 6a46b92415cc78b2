import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// A count that a stop closure may read from any thread.
final class Tally: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// Helpers shared by the suite's tests.
enum TestSupport {
    /// A one-batch-per-thread-count plan for `workload`.
    static func plan(_ workload: any Workload, threads: [Int], runtimes: [Runtime] = [.swift], tasks: Int? = nil,
                     switchIntervalMs: Double = 5) -> RunPlan {
        RunPlan(workloads: [workload], runtimes: runtimes, threadCounts: threads, repetitions: 1, warmup: 0,
                tasks: tasks, scaling: .strong, switchIntervalMs: switchIntervalMs, batchTimeoutSeconds: 60)
    }

    /// Runs `plan` and returns its records.
    static func run(_ plan: RunPlan) throws -> [BatchRecord] {
        var records: [BatchRecord] = []
        try Runner(plan: plan).run { records.append($0) }
        return records
    }

    /// A loopback port nothing listens on: bound, then closed.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let port = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int in
                precondition(bind(fd, raw, length) == 0)
                precondition(getsockname(fd, raw, &length) == 0)
                return Int(UInt16(bigEndian: pointer.pointee.sin_port))
            }
        }
        close(fd)
        return port
    }

    /// A fresh empty folder; the caller removes it.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "tb-suite-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Entries of `folder`.
    static func contents(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}

/// A one-shot flag threads can wait on.
final class Flag: @unchecked Sendable {
    private let lock = ConditionLock()
    private var raised = false
    func raise() { lock.withLock { raised = true; lock.broadcast() } }
    func wait() { lock.withLock { while !raised { lock.wait() } } }
    var isRaised: Bool { lock.withLock { raised } }
}

/// The driver's test-only `test_hang` workload: the worker at index 1 never ends its first task.
final class PortableHang: PythonPortable {
    let name = "test_hang"
    let kind = WorkloadKind.io
    let summary = "test: worker 1 hangs in the driver"
    let defaultTasks = 2
    let ignoreSIGTERM: Bool
    init(ignoreSIGTERM: Bool = false) { self.ignoreSIGTERM = ignoreSIGTERM }
    var pythonParameters: [String: PythonValue] {
        ["hang_index": .int(1), "sleep_ms": .int(1), "ignore_sigterm": .bool(ignoreSIGTERM)]
    }
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker { fatalError("Python side only") }
}
