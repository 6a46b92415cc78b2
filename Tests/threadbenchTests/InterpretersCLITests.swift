import Foundation
import Testing
import ThreadBenchMeasurement

/// Two real interpreters side by side: the Python 3 on PATH and a virtual environment of it
/// under another name, in one run, one CSV, and `compare --match-runtime` setting one against
/// the other.
@Suite(.serialized) struct InterpretersCLITests {
    /// A virtual environment of `python3` named `venv-b` in a fresh folder, removed by the caller.
    static func venv() throws -> String {
        let folder = CLI.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "venv", "--without-pip", folder + "/venv-b"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 -m venv failed: install python3-venv (scripts/setup.sh does)")
        return folder
    }

    @Test(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
    func twoInterpretersWriteTheirRowsInOneFileAndCompareWhenAsked() throws {
        let folder = try Self.venv()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let venvPython = folder + "/venv-b/bin/python3"
        try #require(FileManager.default.isExecutableFile(atPath: venvPython))
        let out = folder + "/out"
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,2", "--quick", "--repetitions", "2",
                                  "--warmup", "0", "--runtimes", "cpython", "--python", "python3," + venvPython,
                                  "--out", out, "--label", "two", "--export-json", folder + "/two.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let minor = try #require(PythonInterpreter.discover()).minorVersion
        let names = ["cpython-\(minor)-python3", "cpython-\(minor)-venv-b"]
        let rows = try Child.rawRows(in: out)
        #expect(Set(rows.map { $0["runtime"] ?? "" }) == Set(names), "\(rows.map { $0["runtime"] ?? "" })")
        for row in rows {
            #expect(row["runtime_version"]?.hasPrefix("cpython-\(minor).") == true)
            #expect(["0", "1"].contains(row["python_free_threaded"] ?? ""), "the build flag on every row")
            #expect(["0", "1"].contains(row["python_gil_enabled"] ?? ""), "the GIL's state on every row")
            #expect(row["python_free_threaded"] == "1" || row["python_gil_enabled"] == "1", "a GIL build runs with its GIL")
        }
        for name in names { #expect(rows.filter { $0["runtime"] == name }.count == 4, "2 rounds of 1 and 2 threads") }
        #expect(result.stdout.contains("under \(names[0])") && result.stdout.contains("under \(names[1])"), "\(result.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/two.json")))
        let summary = try #require((json as? [String: Any])?["summary"] as? [[String: Any]], "\(json)")
        #expect(summary.count == 4 && summary.allSatisfy { $0["python_gil_enabled"] is Bool && $0["python_free_threaded"] is Bool },
                "the JSON export carries each row's GIL: \(summary)")

        let raw = out + "/" + (try #require(CLI.rawCSVName(in: out)))
        let compared = try CLI.run(["compare", raw, raw, "--match-runtime", "\(names[0])=\(names[1])", "--format", "csv"])
        #expect(compared.status == 0, "\(compared.stderr)")
        let lines = compared.stdout.split(separator: "\n").dropFirst()
        #expect(lines.count == 2, "sleep at 1 and 2 threads: \(compared.stdout)")
        #expect(lines.allSatisfy { $0.contains(",\(names[0]),") }, "\(compared.stdout)")
        #expect(compared.stderr.contains("rows of \(names[1]) in two are compared with rows of \(names[0]) in two"),
                "\(compared.stderr)")
        let plain = try CLI.run(["compare", raw, raw, "--format", "csv"])
        #expect(plain.stdout.split(separator: "\n").count - 1 == 4, "unmatched, each runtime meets itself")
    }

    @Test(.enabled(if: PythonInterpreter.discover() != nil, "needs a Python 3 on PATH"))
    func theSameInterpreterTwiceGetsOneLineAndNoFile() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let executable = try #require(PythonInterpreter.discover()).executable
        let result = try CLI.run(["run", "--workloads", "sleep", "--python", "python3," + executable, "--out", folder])
        #expect(result.status == 64)
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.contains("--python 'python3' and '\(executable)' are the same interpreter") == true, "\(lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
