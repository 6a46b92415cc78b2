import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchSession

/// The `cpython-processes` runtime's side of the driver contract, its selection and its findings.
struct ProcessesContractTests {
    static let executor = CPythonExecutor(
        interpreter: PythonInterpreter(path: "python3", executable: "/usr/bin/python3", version: "3.11.7",
                                       gilEnabled: true),
        driverPath: "/nonexistent/threadbench_driver.py", workers: .processes(.fork))

    /// A processes report as the driver writes it: mode, start method, and per process its exit code.
    static func report(_ processes: [String], timedOut: Int = 0, mode: String = "processes",
                       method: String = "fork") -> String {
        let body = DriverReportTests.report(threads: processes, timedOut: timedOut)
        return String(body.dropLast()) + #", "mode": "\#(mode)", "start_method": "\#(method)"}"#
    }

    static func process(_ index: Int) -> String {
        String(DriverReportTests.thread(index).dropLast()) + #", "exitcode": 0, "ended_by": null}"#
    }

    static func unfinished(_ index: Int, exitcode: Int, endedBy: String?) -> String {
        let ended = endedBy.map { "\"\($0)\"" } ?? "null"
        return #"{"index": \#(index), "finished": false, "spawn_us": 900.0, "exitcode": \#(exitcode), "#
            + #""ended_by": \#(ended)}"#
    }

    static func spec(threads: Int) -> BatchSpec {
        BatchSpec(workload: PortableNap(), runtime: .cpythonProcesses, threads: threads, tasks: 4, repetition: 1,
                  scaling: .strong, switchIntervalMs: 5, timeoutSeconds: 10)
    }

    @Test func aProcessesReportParsesAndFoldsIntoAProcessesRecord() throws {
        let text = Self.report([Self.process(0), Self.process(1)])
        let report = try DriverReport.parse(Data(text.utf8), threads: 2, workers: .processes(.fork))
        #expect(report.mode == "processes")
        #expect(report.start_method == "fork")
        #expect(report.threads?.map(\.exitcode) == [0, 0])
        let record = Self.executor.fold(report, spec: Self.spec(threads: 2), workload: PortableNap())
        #expect(record.runtime == .cpythonProcesses)
        #expect(record.runtime.rawValue == "cpython-processes")
        #expect(record.runtimeVersion == "cpython-3.11.7-fork")
        #expect(record.spawnP50Micros == 80.5)
        #expect(record.startP50Micros == 120)
        #expect(record.joinP50Micros == 60)
        #expect(record.ops == 4)
        #expect(record.errors == 0)
    }

    @Test func theRequestNamesTheModeAndStartMethodOnlyForProcesses() throws {
        let processes = try DriverRequest(spec: Self.spec(threads: 2), workload: PortableNap(),
                                          workers: .processes(.spawn)).json()
        #expect(processes.contains(#""mode":"processes""#))
        #expect(processes.contains(#""start_method":"spawn""#))
        let threads = try DriverRequest(spec: Self.spec(threads: 2), workload: PortableNap()).json()
        #expect(!threads.contains("mode") && !threads.contains("start_method"))
    }

    @Test(arguments: [
        (ProcessesContractTests.report([ProcessesContractTests.process(0)], mode: "threads"),
         "ran threads where processes were asked for"),
        (ProcessesContractTests.report([ProcessesContractTests.process(0)], method: "spawn"),
         "start method 'spawn', expected 'fork'"),
    ])
    func aReportOfOtherWorkersIsRejected(_ text: String, _ reason: String) {
        #expect {
            try DriverReport.parse(Data(text.utf8), threads: 1, workers: .processes(.fork))
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func aHungProcessIsTimedOutAndADeadOneIsAnError() throws {
        let text = Self.report([Self.process(0), Self.unfinished(1, exitcode: -15, endedBy: "terminate"),
                                Self.unfinished(2, exitcode: -9, endedBy: "kill"),
                                Self.unfinished(3, exitcode: 1, endedBy: nil)], timedOut: 3)
        let report = try DriverReport.parse(Data(text.utf8), threads: 4, workers: .processes(.fork))
        let record = Self.executor.fold(report, spec: Self.spec(threads: 4), workload: PortableNap())
        #expect(record.timedOut == 2)
        #expect(record.errors == 3)
        #expect(record.firstError == "python process 3 ended with exit code 1 before reporting")
        #expect(CPythonExecutor.endings(report.threads ?? []) == "terminate: 1, kill: 1")
    }

    @Test func theRuntimeIsSelectableButNotADefault() throws {
        #expect(try RuntimeSelection.parse("swift,cpython-processes") == [.swift, .cpythonProcesses])
        #expect(Runtime.selectable.contains(.cpythonProcesses))
        #expect(!Runtime.defaults.contains(.cpythonProcesses))
        #expect(Runtime.cpythonProcesses.runsWithoutGIL, "its computation's ideal is min(N, cores)")
        #expect(Runtime.cpythonProcesses.isCPython)
        #expect(Runtime(rawValue: "cpython-processes") == .cpythonProcesses)
    }

    @Test func theStartMethodDefaultsToForkAndAnUnknownOneIsRefused() throws {
        #expect(try RuntimeSelection(runtimes: [.swift]).startMethod == .fork)
        #expect(try RuntimeSelection(runtimes: [.swift], startMethod: "spawn").startMethod == .spawn)
        #expect {
            try RuntimeSelection(runtimes: [.swift], startMethod: "vfork")
        } throws: { error in
            "\(error)" == "unknown start method 'vfork' for cpython-processes; known: fork, forkserver, spawn"
        }
    }

    @Test(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
    func theProcessesExecutorRunsWhenAskedFor() throws {
        let python = try #require(PythonInterpreter.discover())
        let selection = try RuntimeSelection(runtimes: [.cpythonProcesses], python: python.path, startMethod: "spawn")
        let executors = selection.pythonExecutors(driverPath: "/x/driver.py")
        #expect(executors.keys.sorted() == [.cpythonProcesses])
        #expect((executors[.cpythonProcesses] as? CPythonExecutor)?.workers == .processes(.spawn))
    }

    @Test func findingsSayWhatProcessesGaveWhereThreadsDidNot() {
        let rows = Summarizer.summarize(
            FindingsTests.records("math", .cpu, "cpython", [1: 1.0, 2: 1.03])
                + Self.versioned(FindingsTests.records("math", .cpu, "cpython-processes", [1: 1.0, 2: 0.526]))
                + FindingsTests.records("sleep", .io, "cpython-processes", [1: 1.0, 2: 0.5]),
            usableCPUs: 2)
        let lines = ProcessesFindings.findings(rows, usableCPUs: 2).map(\.text)
        #expect(lines == ["math: under CPython's GIL threads give 0.97x at 2; processes (fork) give 1.90x"], "\(lines)")
        let emulated = Summarizer.summarize(
            FindingsTests.records("primes", .cpu, "swift-gil", [1: 1.0, 4: 1.0])
                + FindingsTests.records("primes", .cpu, "cpython-processes", [1: 1.0, 4: 1.0]), usableCPUs: 2)
        #expect(ProcessesFindings.findings(emulated, usableCPUs: 2).map(\.text)
                == ["primes: under the emulated GIL threads give 1.00x at 4; processes give 1.00x, which is not a clear gain either"])
    }

    static func versioned(_ records: [BatchRecord]) -> [BatchRecord] {
        records.map { var copy = $0; copy.runtimeVersion = "cpython-3.11.7-fork"; return copy }
    }
}
