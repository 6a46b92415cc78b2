import Foundation

/// A CPython 3 interpreter, found on PATH or named by the user, and what it said about itself.
public struct PythonInterpreter: Sendable, Equatable {
    /// The path as found or given ("python3" resolved on PATH, or the user's `--python`).
    public var path: String
    /// The interpreter's own `sys.executable`, run for every batch (skips launcher shims).
    public var executable: String
    /// "3.11.7".
    public var version: String
    /// Whether it runs with a GIL (`sys._is_gil_enabled()`, true where that does not exist).
    public var gilEnabled: Bool
    /// Whether it is a free-threaded build (`sysconfig.get_config_var('Py_GIL_DISABLED')`),
    /// the only kind whose GIL `PYTHON_GIL` can turn off or on.
    public var gilDisabledBuild = false
    /// Variables added to its environment for every run: `PYTHON_GIL` from `--python-gil`.
    public var environment: [String: String] = [:]
    /// Its `sys.prefix`: the virtual environment's folder when it runs in one, else the installation's.
    public var prefix = ""
    /// Whether it runs in a virtual environment (`sys.prefix` differs from `sys.base_prefix`).
    public var inVirtualEnvironment = false

    /// The CSV's `runtime_version` for this interpreter, e.g. "cpython-3.11.7".
    public var runtimeVersion: String { "cpython-\(version)" }

    /// "3.11" of "3.11.7".
    public var minorVersion: String { version.split(separator: ".").prefix(2).joined(separator: ".") }

    /// The executable with every link resolved.
    public var resolvedExecutable: String { URL(fileURLWithPath: executable).resolvingSymlinksInPath().path }

    /// What makes two interpreters the same one: the executable with every link resolved, and
    /// the prefix, which tells a virtual environment (whose executable links to its base's) apart.
    public var identity: String { resolvedExecutable + "\u{0}" + prefix }

    /// Names tried on PATH, in order, when no interpreter is given.
    public static let searchNames = ["python3", "python"]

    /// The first CPython 3 among `python3` then `python` on `searchPath`, or nil when none is.
    /// - Parameter searchPath: a PATH-style list of folders (default: this process's PATH).
    public static func discover(searchPath: String? = nil) -> PythonInterpreter? {
        let folders = folderList(searchPath)
        for name in searchNames {
            guard let candidate = locate(name, in: folders) else { continue }
            if let interpreter = try? probe(candidate) { return interpreter }
        }
        return nil
    }

    /// The interpreter `path` names: a file path, or a command name looked up on `searchPath`.
    /// - Throws: `PythonInterpreterError` in one line when it is missing, does not run, or is not CPython 3.
    public static func resolve(_ path: String, searchPath: String? = nil) throws -> PythonInterpreter {
        let file: String
        if path.contains("/") {
            file = path
        } else if let found = locate(path, in: folderList(searchPath)) {
            file = found
        } else {
            throw PythonInterpreterError(description: "'\(path)': no such program on PATH")
        }
        return try probe(file)
    }

    /// Runs `file` with a one-line script and reads back its version and GIL state.
    /// - Throws: `PythonInterpreterError` when it is not a runnable CPython 3.
    static func probe(_ file: String, environment: [String: String] = [:]) throws -> PythonInterpreter {
        try requireExecutableFile(file)
        let script = "import sys, json, sysconfig; g = getattr(sys, '_is_gil_enabled', None); "
            + "print(json.dumps({'threadbench_probe': 1, 'major': sys.version_info[0], "
            + "'free_threaded': bool(sysconfig.get_config_var('Py_GIL_DISABLED')), "
            + "'version': '%d.%d.%d' % tuple(sys.version_info[:3]), 'implementation': sys.implementation.name, "
            + "'executable': sys.executable, 'gil': bool(g()) if g else True, "
            + "'prefix': sys.prefix, 'base_prefix': getattr(sys, 'base_prefix', sys.prefix)}))"
        let result: ChildResult
        do {
            result = try ChildProcess.run(file, ["-c", script], timeoutSeconds: 20, environment: environment)
        } catch {
            throw PythonInterpreterError(description: "'\(file)': \(error)")
        }
        let notPython = "'\(file)' is not a Python 3 interpreter"
        if result.timedOut {
            throw PythonInterpreterError(description: "\(notPython): it did not answer within 20 s")
        }
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        guard result.status == 0, !result.killedBySignal, let line = lines.last,
              let answer = try? JSONDecoder().decode(ProbeAnswer.self, from: Data(line.utf8)),
              answer.threadbench_probe == 1 else {
            let said = lines.last.map { "it printed '\($0.prefix(80))'" }
                ?? (result.stderrTail.isEmpty ? "exit status \(result.status)" : "'\(result.stderrTail.prefix(80))'")
            throw PythonInterpreterError(description: "\(notPython) (\(said))")
        }
        guard answer.major == 3 else {
            throw PythonInterpreterError(description: "\(notPython): it is Python \(answer.version)")
        }
        guard answer.implementation == "cpython" else {
            throw PythonInterpreterError(
                description: "'\(file)' is \(answer.implementation) \(answer.version), not CPython")
        }
        let executable = FileManager.default.isExecutableFile(atPath: answer.executable) ? answer.executable : file
        var interpreter = PythonInterpreter(path: file, executable: executable, version: answer.version, gilEnabled: answer.gil)
        interpreter.gilDisabledBuild = answer.free_threaded ?? false
        interpreter.environment = environment
        interpreter.prefix = answer.prefix ?? ""
        interpreter.inVirtualEnvironment = answer.prefix != nil && answer.prefix != answer.base_prefix
        return interpreter
    }

    /// This interpreter run with `PYTHON_GIL` set to `setting` (0 off, 1 on), probed again for
    /// its GIL state under it.
    /// - Throws: `PythonInterpreterError` when it is a GIL-only build, which cannot switch its GIL.
    public func withGIL(_ setting: Int) throws -> PythonInterpreter {
        guard gilDisabledBuild else {
            throw PythonInterpreterError(description: "'\(path)' is Python \(version) built with the GIL (no Py_GIL_DISABLED): "
                + "PYTHON_GIL needs a free-threaded build such as python3.14t")
        }
        return try Self.probe(path, environment: ["PYTHON_GIL": String(setting)])
    }

    /// Checks that `file` is an executable file, not a folder.
    private static func requireExecutableFile(_ file: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
            throw PythonInterpreterError(description: "'\(file)': no such file")
        }
        guard FileManager.default.isExecutableFile(atPath: file) else {
            throw PythonInterpreterError(description: "'\(file)': not executable")
        }
    }

    private struct ProbeAnswer: Decodable {
        // swiftlint:disable:next identifier_name
        var threadbench_probe: Int
        var major: Int
        var version, implementation, executable: String
        var gil: Bool
        // swiftlint:disable:next identifier_name
        var free_threaded: Bool?
        // swiftlint:disable:next identifier_name
        var prefix, base_prefix: String?
    }

    private static func folderList(_ searchPath: String?) -> [String] {
        let value = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return value.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    private static func locate(_ name: String, in folders: [String]) -> String? {
        for folder in folders {
            let candidate = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}

/// Why an interpreter cannot be used: one line for the user.
public struct PythonInterpreterError: Error, CustomStringConvertible {
    public let description: String
}
