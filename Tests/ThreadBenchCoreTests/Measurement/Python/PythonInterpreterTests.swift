import Foundation
import Testing
@testable import ThreadBenchMeasurement

/// Finding a Python 3 and refusing what is not one.
struct PythonInterpreterTests {
    /// A temporary folder holding one executable script named `name`, removed by the caller.
    static func folder(with name: String, script: String) throws -> String {
        let folder = NSTemporaryDirectory() + "tb-py-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return folder
    }

    @Test func aFakeInterpreterIsRejectedInOneLine() throws {
        let folder = try Self.folder(with: "python3", script: "#!/bin/sh\necho 'I am not a snake'\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            _ = try PythonInterpreter.resolve(folder + "/python3")
        } throws: { error in
            let text = "\(error)"
            return text.contains("is not a Python 3 interpreter") && text.contains("not a snake") && !text.contains("\n")
        }
        #expect(PythonInterpreter.discover(searchPath: folder) == nil)
    }

    @Test func pythonTwoIsRejected() throws {
        let answer = #"{"threadbench_probe": 1, "major": 2, "version": "2.7.18", "implementation": "cpython", "#
            + #""executable": "/usr/bin/python2", "gil": true}"#
        let folder = try Self.folder(with: "python", script: "#!/bin/sh\necho '\(answer)'\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: PythonInterpreterError.self) { try PythonInterpreter.resolve("python", searchPath: folder) }
        #expect(PythonInterpreter.discover(searchPath: folder) == nil)
    }

    @Test func anInterpreterThatDiesOrIsMissingIsRejected() throws {
        let folder = try Self.folder(with: "python3", script: "#!/bin/sh\necho 'segfault' >&2\nkill -9 $$\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: PythonInterpreterError.self) { try PythonInterpreter.resolve(folder + "/python3") }
        #expect(throws: PythonInterpreterError.self) { try PythonInterpreter.resolve(folder + "/nothing") }
        #expect(throws: PythonInterpreterError.self) { try PythonInterpreter.resolve("no-such-python", searchPath: folder) }
        #expect(throws: PythonInterpreterError.self) { try PythonInterpreter.resolve(folder) }
    }

    @Test func discoveryTriesPython3BeforePython() throws {
        let fake = try Self.folder(with: "python3", script: "#!/bin/sh\nexit 1\n")
        defer { try? FileManager.default.removeItem(atPath: fake) }
        // A broken python3 first on the path does not hide a real one later on it.
        let real = PythonInterpreter.discover()
        let found = PythonInterpreter.discover(searchPath: fake + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""))
        #expect(found?.version == real?.version)
    }

    @Test(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
    func theRealInterpreterReportsItsVersion() throws {
        let found = try #require(PythonInterpreter.discover())
        #expect(found.version.hasPrefix("3."))
        #expect(found.runtimeVersion == "cpython-" + found.version)
        #expect(FileManager.default.isExecutableFile(atPath: found.executable))
        let again = try PythonInterpreter.resolve(found.executable)
        #expect(again.version == found.version)
    }
}
