import Foundation
import ThreadBenchMeasurement
import ThreadBenchModel

/// Which runtimes a run uses and which Python runs its cpython rows: the selection policy in one place.
///
/// Runtimes named by the user run in the order given. Otherwise the default runtimes run
/// (`Runtime.defaults`: not `cpython-processes`, the remedy, which runs when named), or only the
/// Swift ones in a quick run that names no interpreter (CPython computes about 70x slower per
/// task). When a CPython runtime is named or an interpreter is given, a missing or unusable
/// Python is an error at once; by default cpython joins when a Python 3 is found on PATH, looked
/// for only when the session starts, and is dropped with a notice when none is.
public struct RuntimeSelection: Sendable {
    /// The runtimes to run, in order, without repeats.
    public private(set) var runtimes: [Runtime]
    /// The interpreter for cpython: the one given, or the one found on PATH; nil while none is.
    public private(set) var interpreter: PythonInterpreter?
    /// Whether cpython waits for a Python 3 to be looked for on PATH when the session starts.
    public private(set) var discoversPython: Bool
    /// How `cpython-processes` starts its worker processes.
    public let startMethod: StartMethod
    /// The PATH-style folder list searched for a Python; nil: this process's PATH.
    private let searchPath: String?

    /// Selects the runtimes, resolving the interpreter at once when one is required.
    /// - Parameters:
    ///   - asked: the runtimes asked for by name; nil takes the default selection.
    ///   - python: the interpreter asked for (a path, or a name looked up on PATH); nil looks on PATH.
    ///   - quick: whether the run is a quick one, which by default leaves cpython out.
    ///   - startMethod: how `cpython-processes` starts its processes (`fork`, `forkserver`,
    ///     `spawn`); nil takes `StartMethod.default`.
    ///   - searchPath: a PATH-style folder list to look for Python in (default: this process's PATH).
    ///   - pythonGIL: `PYTHON_GIL` for the interpreter (0 or 1); nil leaves its default.
    /// - Throws: `RuntimeSelectionError` when `python` is not a usable CPython 3, when a CPython
    ///   runtime is asked for by name and no Python 3 is on PATH, for an unknown start method,
    ///   or when `pythonGIL` is given for a GIL-only build.
    public init(runtimes asked: [Runtime]? = nil, python: String? = nil, quick: Bool = false,
                startMethod: String? = nil, searchPath: String? = nil, pythonGIL: Int? = nil) throws {
        self.searchPath = searchPath
        self.startMethod = try startMethod.map(StartMethod.parse) ?? .default
        runtimes = asked ?? (quick && python == nil ? [.swift, .swiftGIL] : Runtime.defaults)
        if let python {
            do {
                interpreter = try PythonInterpreter.resolve(python, searchPath: searchPath)
            } catch let error as PythonInterpreterError {
                throw RuntimeSelectionError.unusableInterpreter(error)
            }
        } else if let named = asked?.first(where: \.runsInPythonDriver) {
            guard let found = PythonInterpreter.discover(searchPath: searchPath) else {
                throw RuntimeSelectionError.noPythonFound(named)
            }
            interpreter = found
        }
        if let pythonGIL {
            guard let found = interpreter ?? PythonInterpreter.discover(searchPath: searchPath) else {
                throw RuntimeSelectionError.noPythonFound(.cpython)
            }
            do {
                interpreter = try found.withGIL(pythonGIL)
            } catch let error as PythonInterpreterError {
                throw RuntimeSelectionError.gilNotSwitchable(error)
            }
        }
        discoversPython = interpreter == nil && runtimes.contains(where: \.runsInPythonDriver)
    }

    /// The runtimes in a comma-separated list of names, in order, without repeats.
    /// - Throws: `RuntimeSelectionError.unknownRuntime` for a name that is not selectable.
    public static func parse(_ list: String) throws -> [Runtime] {
        var result: [Runtime] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let runtime = Runtime(selecting: name) else { throw RuntimeSelectionError.unknownRuntime(name) }
            if !result.contains(runtime) { result.append(runtime) }
        }
        return result
    }

    /// The executors of the CPython runtimes in `runtimes`, once an interpreter is known.
    /// - Parameter driverPath: the driver script every batch runs.
    public func pythonExecutors(driverPath: String) -> [Runtime: any BatchExecuting] {
        guard let interpreter else { return [:] }
        var executors: [Runtime: any BatchExecuting] = [:]
        if runtimes.contains(.cpython) {
            executors[.cpython] = CPythonExecutor(interpreter: interpreter, driverPath: driverPath)
        }
        if runtimes.contains(.cpythonProcesses) {
            executors[.cpythonProcesses] = CPythonExecutor(interpreter: interpreter, driverPath: driverPath,
                                                           workers: .processes(startMethod))
        }
        return executors
    }

    /// Looks for a Python 3 on PATH when cpython waits for one, and drops cpython when none is found.
    /// - Returns: false when cpython was dropped.
    mutating func discoverPendingPython() -> Bool {
        guard discoversPython else { return true }
        discoversPython = false
        interpreter = PythonInterpreter.discover(searchPath: searchPath)
        if interpreter == nil { runtimes.removeAll(where: \.runsInPythonDriver) }
        return interpreter != nil
    }
}
