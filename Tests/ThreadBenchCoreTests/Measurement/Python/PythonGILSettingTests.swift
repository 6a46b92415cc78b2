import Foundation
import Testing
@testable import ThreadBenchMeasurement

/// `--python-gil`: the build flag read by the probe, `PYTHON_GIL` passed to the interpreter,
/// and a GIL-only build refused.
struct PythonGILSettingTests {
    /// A fake free-threaded 3.14 whose GIL is on unless `PYTHON_GIL` is 0, as the real one answers.
    static let freeThreaded = """
        #!/bin/sh
        gil=true
        [ "$PYTHON_GIL" = "0" ] && gil=false
        echo '{"threadbench_probe": 1, "major": 3, "version": "3.14.0", "implementation": "cpython", "executable": "", "gil": '$gil', "free_threaded": true}'
        """

    @Test func aFreeThreadedBuildRunsWithTheSettingAndReportsItsGIL() throws {
        let folder = try PythonInterpreterTests.folder(with: "python3.14t", script: Self.freeThreaded)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let found = try PythonInterpreter.resolve(folder + "/python3.14t")
        #expect(found.gilDisabledBuild)
        #expect(found.environment.isEmpty)
        let off = try found.withGIL(0)
        #expect(!off.gilEnabled)
        #expect(off.environment == ["PYTHON_GIL": "0"])
        let on = try found.withGIL(1)
        #expect(on.gilEnabled && on.environment == ["PYTHON_GIL": "1"])
    }

    @Test func aProbeWithoutTheBuildFlagIsAGILBuild() throws {
        let answer = #"{"threadbench_probe": 1, "major": 3, "version": "3.12.1", "implementation": "cpython", "#
            + #""executable": "", "gil": true}"#
        let folder = try PythonInterpreterTests.folder(with: "python3", script: "#!/bin/sh\necho '\(answer)'\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let found = try PythonInterpreter.resolve(folder + "/python3")
        #expect(!found.gilDisabledBuild)
        #expect {
            _ = try found.withGIL(0)
        } throws: { error in
            "\(error)".contains("built with the GIL") && !"\(error)".contains("\n")
        }
    }

    @Test(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
    func theRealInterpreterSaysWhetherItIsFreeThreaded() throws {
        let found = try #require(PythonInterpreter.discover())
        if found.version.hasPrefix("3.11") || found.version.hasPrefix("3.12") {
            #expect(!found.gilDisabledBuild)
            #expect(throws: PythonInterpreterError.self) { try found.withGIL(0) }
        }
    }
}
