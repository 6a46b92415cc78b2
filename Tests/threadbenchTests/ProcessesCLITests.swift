import Foundation
import Testing
import ThreadBenchMeasurement

/// The `cpython-processes` runtime from the command line: named, listed, its start method.
@Suite(.serialized) struct ProcessesCLITests {
    @Test func aBadStartMethodIsOneLineAndNoFile() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "math", "--runtimes", "cpython-processes",
                                  "--start-method", "vfork", "--out", folder])
        #expect(result.status == 64)
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.contains("unknown start method 'vfork' for cpython-processes; known: fork, forkserver, spawn")
                == true, "\(result.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty ?? true)
    }

    @Test func listNamesTheRuntimeAndItsDefaultStartMethod() throws {
        let result = try CLI.run(["list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("runtimes: swift, swift-gil, cpython, cpython-processes (default: swift, swift-gil, cpython)"))
        #expect(result.stdout.contains("cpython-processes: the cpython work with one multiprocessing.Process per worker"))
    }

    @Test(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
    func aShortProcessesRunWritesItsRowsWithTheStartMethod() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "sleep", "--runtimes", "cpython-processes",
                                  "--start-method", "forkserver", "--threads", "1,2", "--repetitions", "1",
                                  "--warmup", "0", "--tasks", "4", "--sleep-ms", "5", "--label", "procs",
                                  "--out", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let raw = try #require(CLI.rawCSVName(in: folder))
        let rows = try String(contentsOfFile: folder + "/" + raw, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.count == 2, "\(rows)")
        #expect(rows.allSatisfy { $0.contains(",cpython-processes,cpython-3.") && $0.contains("-forkserver,") }, "\(rows)")
    }
}
