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
        }
    }
}
