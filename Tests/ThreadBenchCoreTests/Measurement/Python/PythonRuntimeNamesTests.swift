import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel

/// Several interpreters side by side: their runtime names from what each probe said, and the
/// build flag and GIL state every row records, for free-threaded builds this machine lacks.
struct PythonRuntimeNamesTests {
    /// A recorded probe answer of a free-threaded `version` whose GIL is off unless `PYTHON_GIL`
    /// is 1, as 3.13t and 3.14t answer; `prefix` differs from `/usr` in a virtual environment.
    static func freeThreaded(_ version: String, prefix: String = "/usr") -> String {
        """
        #!/bin/sh
        gil=false
        [ "$PYTHON_GIL" = "1" ] && gil=true
        echo '{"threadbench_probe": 1, "major": 3, "version": "\(version)", "implementation": "cpython", \
        "executable": "", "gil": '$gil', "free_threaded": true, "prefix": "\(prefix)", "base_prefix": "/usr"}'
        """
    }

    /// A recorded probe answer of a GIL build.
    static func gilBuild(_ version: String, prefix: String = "/usr") -> String {
        """
        #!/bin/sh
        echo '{"threadbench_probe": 1, "major": 3, "version": "\(version)", "implementation": "cpython", \
        "executable": "", "gil": true, "free_threaded": false, "prefix": "\(prefix)", "base_prefix": "/usr"}'
        """
    }

    /// The interpreters a folder of fake ones gives, probed as a run probes them.
    static func probed(_ scripts: [(name: String, script: String)], gil: Int? = nil) throws -> [PythonInterpreter] {
        let folder = try PythonInterpreterTests.folder(with: scripts[0].name, script: scripts[0].script)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, script) in scripts.dropFirst() {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return try scripts.map { name, _ in
            let found = try PythonInterpreter.resolve(folder + "/" + name)
            return try gil.map(found.withGIL) ?? found
        }
    }

    @Test func oneInterpreterKeepsTheNameCPython() throws {
        let one = try Self.probed([("python3.14t", Self.freeThreaded("3.14.0"))])
        #expect(PythonRuntimeNames.names(one) == [.cpython])
    }

    @Test func severalAreNamedByVersionAndGILState() throws {
        let found = try Self.probed([("python3.11", Self.gilBuild("3.11.7")), ("python3.14t", Self.freeThreaded("3.14.0")),
                                     ("python3.13t", Self.freeThreaded("3.13.1"))])
        #expect(found.map(\.gilDisabledBuild) == [false, true, true])
        #expect(found.map(\.gilEnabled) == [true, false, false])
        #expect(PythonRuntimeNames.names(found).map(\.rawValue) == ["cpython-3.11", "cpython-3.14t", "cpython-3.13t"])
    }

    @Test func aFreeThreadedBuildWithItsGILOnSaysSo() throws {
        let on = try Self.probed([("python3.14t", Self.freeThreaded("3.14.0")), ("python3.13t", Self.freeThreaded("3.13.1"))],
                                 gil: 1)
        #expect(on.allSatisfy { $0.gilEnabled && $0.gilDisabledBuild && $0.environment == ["PYTHON_GIL": "1"] })
        #expect(PythonRuntimeNames.names(on).map(\.rawValue) == ["cpython-3.14t-gil", "cpython-3.13t-gil"])
    }

    @Test func theSameVersionTwiceAddsTheVenvOrFileName() throws {
        let found = try Self.probed([("python3", Self.gilBuild("3.11.7")),
                                     ("venv-b/bin/python3", Self.gilBuild("3.11.2", prefix: "/tmp/venv-b")),
                                     ("python3.14t", Self.freeThreaded("3.14.0"))])
        #expect(found[1].inVirtualEnvironment && !found[0].inVirtualEnvironment)
        #expect(PythonRuntimeNames.names(found).map(\.rawValue)
            == ["cpython-3.11-python3", "cpython-3.11-venv-b", "cpython-3.14t"])
    }

    @Test func namesStillAlikeGetTheirPlaceInTheList() {
        let a = PythonInterpreter(path: "/opt/a/python3", executable: "/opt/a/python3", version: "3.12.1", gilEnabled: true)
        var b = a
        b.path = "/opt/b/python3"
        #expect(PythonRuntimeNames.names([a, b]).map(\.rawValue) == ["cpython-3.12-python3-1", "cpython-3.12-python3-2"])
    }

    @Test func aNameReadBackIsTheSameRuntime() {
        for name in ["cpython-3.11", "cpython-3.14t", "cpython-3.14t-gil", "cpython-3.11-venv-b"] {
            let runtime = Runtime(rawValue: name)
            #expect(runtime.rawValue == name)
            #expect(runtime.isCPython && runtime.runsOnCPythonThreads && runtime.runsInPythonDriver)
        }
        #expect(Runtime(rawValue: "cpython-processes") == .cpythonProcesses)
        #expect(Runtime(rawValue: "cpython-nogil") == .cpythonNoGIL)
        #expect(!Runtime(rawValue: "cpython-next").isCPython, "a name without a version is another version's")
    }

    @Test func everyRowRecordsTheBuildFlagAndTheGILAtRunTime() throws {
        let interpreter = PythonInterpreter(path: "python3.14t", executable: "/usr/bin/python3.14t", version: "3.14.0",
                                            gilEnabled: false)
        let executor = CPythonExecutor(interpreter: interpreter, driverPath: "/nonexistent/driver.py",
                                       runtimeName: .cpythonInterpreter("3.14t"))
        for gil in [false, true] {
            let text = DriverReportTests.report(threads: [DriverReportTests.thread(0)])
                .replacingOccurrences(of: #""gil_enabled": true"#, with: #""gil_enabled": \#(gil), "free_threaded": true"#)
            let report = try DriverReport.parse(Data(text.utf8), threads: 1)
            let record = executor.fold(report, spec: DriverReportTests.spec(threads: 1), workload: PortableNap())
            #expect(record.runtime == "cpython-3.14t", "the name is the interpreter's, whatever one batch reported")
            #expect(record.pythonGIL == PythonGILState(freeThreadedBuild: true, enabled: gil))
            #expect(record.runsWithoutGIL == !gil, "the row's recorded GIL, not its name, says whether it computes in parallel")
        }
        let failed = executor.failed(DriverReportTests.spec(threads: 2), seconds: 0, "no report")
        #expect(failed.pythonGIL == PythonGILState(freeThreadedBuild: false, enabled: false),
                "without a report, the probe's answer")
    }

    @Test func aDriverWithoutTheBuildFlagFallsBackOnTheProbe() throws {
        let report = try DriverReport.parse(Data(DriverReportTests.report(threads: [DriverReportTests.thread(0)]).utf8),
                                            threads: 1)
        #expect(report.free_threaded == nil)
        let record = DriverReportTests.executor.fold(report, spec: DriverReportTests.spec(threads: 1), workload: PortableNap())
        #expect(record.runtime == "cpython")
        #expect(record.pythonGIL == PythonGILState(freeThreadedBuild: false, enabled: true))
    }
}
