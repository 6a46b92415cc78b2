import Foundation
import Testing
import ThreadBenchMeasurement

/// The cpython runtime from the command line: finding Python, refusing what is not one.
@Suite(.serialized) struct CPythonCLITests {
    /// A folder with an executable `python3` that is not Python, removed by the caller.
    static func fakePythonFolder() throws -> String {
        let folder = CLI.temporaryFolder() + "-bin"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/python3"
        try "#!/bin/sh\necho 'Ruby 3.3'\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return folder
    }

    @Test func aPythonThatIsNotPython3GetsOneLineAndNoFile() throws {
        let fake = try Self.fakePythonFolder()
        let folder = CLI.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: fake)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let result = try CLI.run(["run", "--workloads", "sleep", "--python", fake + "/python3", "--out", folder])
        #expect(result.status == 64)
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.contains("is not a Python 3 interpreter") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test(.enabled(if: PythonInterpreter.discover().map { !$0.gilDisabledBuild } ?? false, "needs a GIL-only Python 3 on PATH"))
    func pythonGILOnAGILOnlyBuildGetsOneLineAndNoFile() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "sleep", "--python-gil", "0", "--out", folder])
        #expect(result.status == 64)
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.contains("--python-gil: ") == true && lines.first?.contains("built with the GIL") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func cpythonAskedForWithNoPythonOnPathGetsOneLine() throws {
        let fake = try Self.fakePythonFolder()
        let folder = CLI.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: fake)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let result = try CLI.run(["run", "--workloads", "sleep", "--runtimes", "swift,cpython", "--out", folder],
                                 shellPrefix: "PATH='\(fake)'")
        #expect(result.status == 64)
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.contains("none was found on PATH") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func withoutPythonTheDefaultRunWarnsAndWritesTheSwiftRows() throws {
        let fake = try Self.fakePythonFolder()
        let folder = CLI.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: fake)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,2", "--repetitions", "1",
                                  "--warmup", "0", "--tasks", "4", "--sleep-ms", "5", "--label", "nopy",
                                  "--out", folder], shellPrefix: "PATH='\(fake)'")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: no Python 3 found"))
        let raw = try #require(CLI.rawCSVName(in: folder))
        let rows = try String(contentsOfFile: folder + "/" + raw, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.count == 2 * 2)
        #expect(!rows.contains { $0.contains(",cpython") })
    }

    @Test(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
    func aShortCPythonRunWritesItsRowsAndComparesTheRuntimes() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "sleep", "--runtimes", "swift-gil,cpython", "--threads", "1,4",
                                  "--repetitions", "1", "--warmup", "0", "--tasks", "8", "--sleep-ms", "20",
                                  "--label", "py", "--out", folder, "--details"])
        #expect(result.status == 0, "\(result.stderr)")
        let raw = try #require(CLI.rawCSVName(in: folder))
        let rows = try String(contentsOfFile: folder + "/" + raw, encoding: .utf8).split(separator: "\n").dropFirst()
        let python = rows.filter { $0.contains(",cpython,cpython-3.") }
        #expect(python.count == 2, "\(rows)")
        #expect(result.stdout.contains("sleep at 4 threads: swift-gil"))
        #expect(result.stdout.contains("cpython"))
    }
}
