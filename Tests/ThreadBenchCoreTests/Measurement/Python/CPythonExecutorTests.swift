import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// A driver that dies, prints garbage or hangs costs its batch's row, never the run.
///
/// The "driver" here is a shell script run by /bin/sh, so these tests need no Python.
struct CPythonExecutorTests {
    static func executor(driver script: String, grace: Seconds = 1) throws -> (CPythonExecutor, String) {
        let folder = try PythonInterpreterTests.folder(with: "driver.sh", script: script)
        let shell = PythonInterpreter(path: "/bin/sh", executable: "/bin/sh", version: "3.99.0", gilEnabled: true)
        return (CPythonExecutor(interpreter: shell, driverPath: folder + "/driver.sh", graceSeconds: grace), folder)
    }

    static func spec(threads: Int = 2, timeout: Seconds = 1) -> BatchSpec {
        BatchSpec(workload: PortableNap(), runtime: .cpython, threads: threads, tasks: 4, repetition: 1,
                  scaling: .strong, switchIntervalMs: 5, timeoutSeconds: timeout)
    }

    @Test func garbageOutputMarksTheRowWithErrors() throws {
        let (executor, folder) = try Self.executor(driver: "echo 'hello, world'\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let record = try executor.execute(Self.spec())
        #expect(record.errors == 2)
        #expect(record.timedOut == 0)
        #expect(record.runtime == "cpython")
        #expect(record.firstError.contains("not JSON"))
    }

    @Test func aDyingDriverMarksTheRowWithErrorsAndItsLastWords() throws {
        let (executor, folder) = try Self.executor(driver: "echo 'MemoryError' >&2\nkill -9 $$\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let record = try executor.execute(Self.spec(threads: 3))
        #expect(record.errors == 3)
        #expect(record.firstError.contains("signal 9"))
        #expect(record.firstError.contains("MemoryError"))
    }

    @Test func aHungDriverIsKilledAndItsThreadsTimedOut() throws {
        let (executor, folder) = try Self.executor(driver: "exec sleep 30\n", grace: 0.5)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let began = Date()
        let record = try executor.execute(Self.spec(threads: 2, timeout: 0.5))
        #expect(Date().timeIntervalSince(began) < 10)
        #expect(record.timedOut == 2)
        #expect(record.errors == 2)
        #expect(record.firstError.contains("killed"))
    }

    @Test func theDriverGetsTheBatchAsJSON() throws {
        // Echoes a refusal that quotes its argument back, so the request's content is visible.
        let (executor, folder) = try Self.executor(driver: #"""
            printf '{"contract": 1, "implementation": "cpython", "python_version": "3.99.0", "gil_enabled": false, "switch_interval_ms": 5, "error": "got %s"}\n' "$(echo "$1" | tr -d '"')"
            exit 2
            """#)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let record = try executor.execute(Self.spec())
        #expect(record.errors == 2)
        #expect(record.runtime == "cpython-nogil")
        #expect(record.firstError.contains("refused"))
        #expect(record.firstError.contains("workload:sleep"))
        #expect(record.firstError.contains("threads:2"))
    }

    @Test func aWorkloadWithoutAPythonVersionIsNotSupported() throws {
        let (executor, folder) = try Self.executor(driver: "exit 0\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!executor.supports(NapWorkload(milliseconds: 1)))
        #expect(executor.supports(PortableNap()))
    }
}

/// A stop request (Ctrl-C) ends a running driver at once and the run with it.
struct CPythonExecutorStopTests {
    @Test func aStopRequestKillsTheDriverAndCancelsTheRun() throws {
        let folder = try PythonInterpreterTests.folder(with: "driver.sh", script: "exec sleep 30\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shell = PythonInterpreter(path: "/bin/sh", executable: "/bin/sh", version: "3.99.0", gilEnabled: true)
        let began = Date()
        let executor = CPythonExecutor(interpreter: shell, driverPath: folder + "/driver.sh", graceSeconds: 30)
        var spec = CPythonExecutorTests.spec(timeout: 30)
        spec.stop = StopSignal { Date().timeIntervalSince(began) > 0.3 }
        #expect(throws: RunError.self) { _ = try executor.execute(spec) }
        #expect(Date().timeIntervalSince(began) < 10)
    }
}
