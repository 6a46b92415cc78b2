import Foundation
import ThreadBenchModel

/// The runtime names of a run's CPython interpreters, from what each one's probe said.
///
/// One interpreter keeps the name `cpython` (its rows read `cpython`, or `cpython-nogil` when
/// it runs without its GIL), so files from before several interpreters still match. Several
/// run side by side as one runtime each, `cpython-` and then:
/// 1. the version, `3.11`, with `t` for a free-threaded build (`3.14t`) and `-gil` when such a
///    build runs with its GIL on (`3.14t-gil`, under `PYTHON_GIL=1`);
/// 2. where two or more would share that name, each of them adds `-` and the folder name of
///    its virtual environment when it runs in one, else the name of the file given
///    (`cpython-3.11-python3`, `cpython-3.11-venv-b`), cut to letters, digits, `.` and `_`;
/// 3. where that still leaves two the same, each of them adds its place in the list (`-1`, `-2`).
public enum PythonRuntimeNames {
    /// The name of each interpreter, in the order given.
    public static func names(_ interpreters: [PythonInterpreter]) -> [Runtime] {
        guard interpreters.count > 1 else { return interpreters.map { _ in .cpython } }
        var names = interpreters.map(base)
        names = distinguish(names) { index in "-" + label(interpreters[index]) }
        names = distinguish(names) { index in "-\(index + 1)" }
        return names.map(Runtime.cpythonInterpreter)
    }

    /// "3.11", "3.14t" (free-threaded, GIL off) or "3.14t-gil" (free-threaded, GIL on).
    static func base(_ interpreter: PythonInterpreter) -> String {
        guard interpreter.gilDisabledBuild else { return interpreter.minorVersion }
        return interpreter.minorVersion + "t" + (interpreter.gilEnabled ? "-gil" : "")
    }

    /// The virtual environment's folder name, else the file name of the path given, in the
    /// characters a runtime name keeps.
    static func label(_ interpreter: PythonInterpreter) -> String {
        let source = interpreter.inVirtualEnvironment ? interpreter.prefix : interpreter.path
        let name = (source as NSString).lastPathComponent
        let kept = name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" ? $0 : "-" }
        return kept.isEmpty ? "python" : String(kept)
    }

    /// `names` with `suffix(index)` added to every name that more than one of them shares.
    private static func distinguish(_ names: [String], suffix: (Int) -> String) -> [String] {
        let counts = names.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return names.enumerated().map { index, name in counts[name, default: 0] > 1 ? name + suffix(index) : name }
    }
}
