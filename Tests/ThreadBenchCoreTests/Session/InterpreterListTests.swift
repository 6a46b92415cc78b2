import Foundation
import Testing
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchSession

/// `--python A,B`: the list parsed, each interpreter probed once, one runtime each, and every
/// bad list refused in one line before anything runs.
struct InterpreterListTests {
    /// A folder of fake interpreters answering the probe as `PythonRuntimeNamesTests` records it.
    static func fakes() throws -> String {
        let folder = try PythonInterpreterTests.folder(with: "python3.11", script: PythonRuntimeNamesTests.gilBuild("3.11.7"))
        for (name, script) in [("python3.14t", PythonRuntimeNamesTests.freeThreaded("3.14.0")),
                               ("python3.12", PythonRuntimeNamesTests.gilBuild("3.12.1"))] {
            try script.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/" + name)
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/python3", withDestinationPath: folder + "/python3.11")
        return folder
    }

    /// The error `RuntimeSelection` throws for `python`, or nil.
    static func error(_ python: String, runtimes: [Runtime]? = nil, folder: String) -> RuntimeSelectionError? {
        do {
            _ = try RuntimeSelection(runtimes: runtimes, python: python, searchPath: folder)
            return nil
        } catch let error as RuntimeSelectionError {
            return error
        } catch {
            return nil
        }
    }

    @Test func severalInterpretersRunAsOneRuntimeEachInTheOrderGiven() throws {
        let folder = try Self.fakes()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let selection = try RuntimeSelection(python: "python3.11, \(folder)/python3.14t", searchPath: folder)
        #expect(selection.interpreters.map(\.version) == ["3.11.7", "3.14.0"])
        #expect(selection.runtimes.map(\.rawValue) == ["swift", "swift-gil", "cpython-3.11", "cpython-3.14t"])
        let executors = selection.pythonExecutors(driverPath: "/nonexistent/driver.py")
        let free = try #require(executors[.cpythonInterpreter("3.14t")] as? CPythonExecutor)
        #expect(free.interpreter.version == "3.14.0" && free.runtimeName == .cpythonInterpreter("3.14t"))
        #expect(executors.count == 2 && executors[.cpython] == nil)
    }

    @Test func oneInterpreterKeepsTheRuntimeCPython() throws {
        let folder = try Self.fakes()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let selection = try RuntimeSelection(runtimes: [.cpython, .cpythonProcesses], python: "python3.12", searchPath: folder)
        #expect(selection.runtimes == [.cpython, .cpythonProcesses])
        #expect(selection.pythonExecutors(driverPath: "x").keys.sorted() == [.cpython, .cpythonProcesses])
    }

    @Test func aBadListIsRefusedInOneLine() throws {
        let folder = try Self.fakes()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(python: String, runtimes: [Runtime]?, says: String)] = [
            ("python3.11,python3.11", nil, "'python3.11' and 'python3.11' are the same interpreter"),
            ("python3.11,python3", nil, "'python3.11' and 'python3' are the same interpreter (\(folder)/python3.11)"),
            ("python3.11,\(folder)/python3.11", nil, "are the same interpreter"),
            ("python3.11,", nil, "an empty name in the list"),
            ("python3.11,/bin/true", nil, "'/bin/true' is not a Python 3 interpreter"),
            ("python3.11,/nonexistent/python3", nil, "'/nonexistent/python3': no such file"),
            ("python3.11,python3.14t", [.cpython, .cpythonProcesses], "cpython-processes runs under one interpreter"),
        ]
        for (python, runtimes, says) in cases {
            let error = try #require(Self.error(python, runtimes: runtimes, folder: folder), "\(python)")
            #expect(error.description.contains(says), "\(python): \(error)")
            #expect(!error.description.contains("\n") && !error.description.contains("--"), "\(error)")
        }
    }

    @Test func theGILSettingAppliesToEveryInterpreterAndAGILBuildIsRefused() throws {
        let folder = try Self.fakes()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: RuntimeSelectionError.self) {
            try RuntimeSelection(python: "python3.14t,python3.11", searchPath: folder, pythonGIL: 0)
        }
        let script = PythonRuntimeNamesTests.freeThreaded("3.13.1")
        try script.write(toFile: folder + "/python3.13t", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/python3.13t")
        let on = try RuntimeSelection(python: "python3.14t,python3.13t", searchPath: folder, pythonGIL: 1)
        #expect(on.interpreters.allSatisfy { $0.gilEnabled && $0.environment == ["PYTHON_GIL": "1"] })
        #expect(on.runtimes.map(\.rawValue).suffix(2) == ["cpython-3.14t-gil", "cpython-3.13t-gil"])
    }
}
