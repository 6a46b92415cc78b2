import ThreadBenchModel

/// Why the runtimes asked for cannot run: one line for the user.
public enum RuntimeSelectionError: Error, CustomStringConvertible {
    /// A name that is not a selectable runtime.
    case unknownRuntime(String)
    /// The interpreter given is missing, does not run, or is not CPython 3.
    case unusableInterpreter(PythonInterpreterError)
    /// A CPython runtime was asked for by name and no Python 3 is on PATH.
    case noPythonFound(Runtime)
    /// `--python-gil` was given for an interpreter that cannot switch its GIL.
    case gilNotSwitchable(PythonInterpreterError)
    /// A start method for `cpython-processes` that is not fork, forkserver or spawn.
    case unknownStartMethod(String)
    /// The interpreter list has an empty entry ("python3,", "a,,b").
    case emptyInterpreterName(list: String)
    /// Two entries of the interpreter list are one interpreter (the same executable and prefix).
    case duplicateInterpreter(first: String, second: String, executable: String)
    /// `cpython-processes` asked for with several interpreters; it runs under one.
    case processesWithSeveralInterpreters(count: Int)

    public var description: String {
        switch self {
        case .unknownRuntime(let name):
            "unknown runtime '\(name)'; known: " + Runtime.selectable.map(\.rawValue).joined(separator: ", ")
        case .unusableInterpreter(let error), .gilNotSwitchable(let error):
            error.description
        case .noPythonFound(let runtime):
            "the \(runtime) runtime needs a Python 3 and none was found on PATH ("
                + PythonInterpreter.searchNames.joined(separator: ", ") + ")"
        case .unknownStartMethod(let name):
            "unknown start method '\(name)' for cpython-processes; known: "
                + StartMethod.allCases.map(\.rawValue).joined(separator: ", ")
        case .emptyInterpreterName(let list):
            "'\(list)': an empty name in the list"
        case let .duplicateInterpreter(first, second, executable):
            "'\(first)' and '\(second)' are the same interpreter (\(executable)); name each one once"
        case .processesWithSeveralInterpreters(let count):
            "cpython-processes runs under one interpreter and \(count) interpreters were given; "
                + "run it with one, or leave it out to compare the interpreters' threads"
        }
    }
}
