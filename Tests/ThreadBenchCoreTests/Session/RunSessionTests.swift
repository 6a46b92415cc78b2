import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchSession

/// A workload whose tasks count and whose task 1 fails, for session tests.
final class TallyWorkload: Workload {
    let name = "tally"
    let kind = WorkloadKind.cpu
    let summary = "test: counts"
    let defaultTasks = 4
    let caveat: String? = "tally counts nothing"
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker { Worker() }
    final class Worker: TaskWorker {
        func run(task: Int, context: TaskContext) -> TaskOutcome {
            TaskOutcome(ops: 1, error: task == 1 ? "task 1 failed" : nil)
        }
    }
}

/// Collects what a session tells its front end.
final class SessionLog: RunSessionDelegate {
    var progress: [RunProgress] = []
    var notices: [String] = []
    var output = ""
    func runSession(willRun progress: RunProgress) { self.progress.append(progress) }
    func runSession(notice: RunNotice) { notices.append(notice.description) }
    func runSession(output text: String) { output += text }
}

@Suite struct RunSessionTests {
    /// A fresh empty folder, removed by the caller.
    static func folder() -> String {
        let path = NSTemporaryDirectory() + "tb-session-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func quickLeavesCPythonOutUnlessAnInterpreterIsNamed() throws {
        let empty = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try RuntimeSelection(quick: true, searchPath: empty).runtimes == [.swift, .swiftGIL])
        let full = try RuntimeSelection(searchPath: empty)
        #expect(full.runtimes == Runtime.defaults)
        #expect(!full.runtimes.contains(.cpythonProcesses), "the remedy runs only when named")
        #expect(full.discoversPython && full.interpreter == nil, "the default looks for Python only when the run starts")
        #expect(throws: RuntimeSelectionError.self) {
            try RuntimeSelection(python: empty + "/python3", quick: true, searchPath: empty)
        }
    }

    @Test func cpythonAskedForByNameNeedsAPythonAtOnce() {
        let empty = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        do {
            _ = try RuntimeSelection(runtimes: [.swift, .cpython], searchPath: empty)
            Issue.record("no error without a Python")
        } catch let error as RuntimeSelectionError {
            #expect(error.description.contains("none was found on PATH"))
            #expect(!error.description.contains("--"), "the core names values, not flags")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func runtimeNamesParseInOrderWithoutRepeats() throws {
        #expect(try RuntimeSelection.parse("swift-gil, swift,swift-gil") == [.swiftGIL, .swift])
        #expect(throws: RuntimeSelectionError.self) { try RuntimeSelection.parse("swift,jython") }
        #expect(throws: RuntimeSelectionError.self) { try RuntimeSelection.parse("") }
    }

    @Test func roundsAreAdaptiveWithinABudgetUnlessACountIsGiven() throws {
        let selection = try RuntimeSelection(runtimes: [.swift])
        let plain = RunConfiguration(runtimes: selection, threadCounts: [1], outFolder: "x").plan
        #expect(plain.repetitions == nil && plain.roundRules == .adaptive(warmupRounds: 1))
        #expect(plain.budgetSeconds == RunConfiguration.defaultBudgetSeconds && plain.precision == 0.03)
        let quick = RunConfiguration(runtimes: selection, threadCounts: [1], quick: true, outFolder: "x").plan
        #expect(quick.repetitions == nil && quick.budgetSeconds == RunConfiguration.quickBudgetSeconds)
        let fixed = RunConfiguration(runtimes: selection, threadCounts: [1], repetitions: 7, precision: 0.05,
                                     budgetSeconds: 30, quick: true, outFolder: "x").plan
        #expect(fixed.roundRules == .fixed(7, precision: 0.05, warmupRounds: 1) && fixed.budgetSeconds == 30)
    }

    @Test func checkNamesTheSettingOutOfItsLimits() throws {
        let selection = try RuntimeSelection(runtimes: [.swift])
        func problem(_ change: (inout RunConfiguration) -> Void) -> RunSetting? {
            var configuration = RunConfiguration(runtimes: selection, threadCounts: [1, 8], outFolder: "x")
            change(&configuration)
            do { try configuration.check() } catch let error as RunSettingError { return error.setting } catch {}
            return nil
        }
        #expect(problem { _ in } == nil)
        #expect(problem { $0.plan.repetitions = 0 } == .repetitions)
        #expect(problem { $0.plan.precision = 0 } == .precision)
        #expect(problem { $0.plan.precision = .nan } == .precision)
        #expect(problem { $0.plan.budgetSeconds = 0 } == .budget)
        #expect(problem { $0.plan.budgetSeconds = .infinity } == .budget)
        #expect(problem { $0.plan.warmup = 1001 } == .warmup)
        #expect(problem { $0.plan.tasks = 3 } == .tasks, "fewer tasks than threads under strong scaling")
        #expect(problem { $0.plan.tasks = 3; $0.plan.scaling = .weak } == nil)
        #expect(problem { $0.plan.switchIntervalMs = 0 } == .switchInterval)
        #expect(problem { $0.plan.batchTimeoutSeconds = .infinity } == .batchTimeout)
        #expect(problem { $0.hostLabel = " " } == .hostLabel)
    }

    @Test func aSessionWritesItsFilesAndTellsWhatItFound() throws {
        let out = Self.folder()
        let empty = Self.folder()
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: empty)
        }
        let selection = try RuntimeSelection(runtimes: nil, python: nil, searchPath: empty)
        var configuration = RunConfiguration(
            workloads: [TallyWorkload()], runtimes: selection, threadCounts: [2], repetitions: 2, warmup: 1,
            outFolder: out, hostLabel: "session")
        configuration.details = true  // the caveats and the tables
        let log = SessionLog()
        let outcome = try RunSession(configuration: configuration).run(delegate: log)
        #expect(log.notices.first?.hasPrefix("no Python 3 found on PATH") == true, "\(log.notices)")
        #expect(outcome.analysis.records.count == 2 * 2 * 2, "2 runtimes x 2 thread counts x 2 repetitions")
        #expect(!outcome.analysis.records.contains { $0.runtime.isCPython })
        #expect(log.progress.count == 2 * 2 * 3 && log.progress.last?.done == 11)
        #expect(log.progress.allSatisfy { $0.elapsedSeconds >= 0 })
        #expect(log.output.contains("tally: 0 of 2 cells within ±3% after 0 measured rounds"), "every batch failed: \(log.output)")
        #expect(log.notices.contains { $0.hasPrefix("precision: 0 of 2 cells within ±3%") })
        #expect(outcome.caveats == ["tally counts nothing"])
        #expect(log.output.contains("note: tally counts nothing") && log.output.contains("results: \(out)/session-"))
        #expect(log.notices.contains { $0.contains("tally: ") && $0.contains("task 1 failed") })
        for path in [outcome.paths.raw, outcome.paths.summary, outcome.paths.model, outcome.paths.chart] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
    }

    @Test func aFailedPreflightWritesNothing() throws {
        struct Unreachable: Error {}
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let configuration = RunConfiguration(
            workloads: [TallyWorkload()], runtimes: try RuntimeSelection(runtimes: [.swift]), threadCounts: [1],
            outFolder: out, preflight: { _ in throw Unreachable() })
        let log = SessionLog()
        #expect(throws: Unreachable.self) { try RunSession(configuration: configuration).run(delegate: log) }
        #expect(log.progress.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
