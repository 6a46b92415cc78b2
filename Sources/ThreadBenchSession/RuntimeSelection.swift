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
/// for only when the session starts, and is dropped with a notice when none is. Several
/// interpreters given run side by side: `cpython` becomes one runtime per interpreter, named
/// by `PythonRuntimeNames`.
public struct RuntimeSelection: Sendable {
    /// The runtimes to run, in order, without repeats.
    public private(set) var runtimes: [Runtime]
    /// The interpreters for the CPython runtimes: those given, or the one found on PATH; empty
    /// while none is.
    public private(set) var interpreters: [PythonInterpreter] = []
    /// The interpreter for cpython (the first, when several were given); nil while none is known.
    public var interpreter: PythonInterpreter? { interpreters.first }
    /// Whether cpython waits for a Python 3 to be looked for on PATH when the session starts.
    public private(set) var discoversPython: Bool
    /// How `cpython-processes` starts its worker processes.
    public let startMethod: StartMethod
    /// The PATH-style folder list searched for a Python; nil: this process's PATH.
    private let searchPath: String?

    /// Selects the runtimes, resolving the interpreter at once when one is required.
    /// - Parameters:
    ///   - asked: the runtimes asked for by name; nil takes the default selection.
    ///   - python: the interpreters asked for, comma-separated (each a path, or a name looked up
    ///     on PATH); nil looks on PATH.
    ///   - quick: whether the run is a quick one, which by default leaves cpython out.
    ///   - startMethod: how `cpython-processes` starts its processes (`fork`, `forkserver`,
    ///     `spawn`); nil takes `StartMethod.default`.
    ///   - searchPath: a PATH-style folder list to look for Python in (default: this process's PATH).
    ///   - pythonGIL: `PYTHON_GIL` for the interpreter (0 or 1); nil leaves its default.
    /// - Throws: `RuntimeSelectionError` when an interpreter of `python` is not a usable CPython 3
    ///   or is named twice, when a CPython runtime is asked for by name and no Python 3 is on
    ///   PATH, for an unknown start method, when `pythonGIL` is given for a GIL-only build, or
    ///   when `cpython-processes` is asked for with several interpreters.
    public init(runtimes asked: [Runtime]? = nil, python: String? = nil, quick: Bool = false,
                startMethod: String? = nil, searchPath: String? = nil, pythonGIL: Int? = nil) throws {
        self.searchPath = searchPath
        self.startMethod = try startMethod.map(StartMethod.parse) ?? .default
        runtimes = asked ?? (quick && python == nil ? [.swift, .swiftGIL] : Runtime.defaults)
        if let python {
            interpreters = try Self.resolve(python, searchPath: searchPath)
        } else if let named = asked?.first(where: \.runsInPythonDriver) {
            guard let found = PythonInterpreter.discover(searchPath: searchPath) else {
                throw RuntimeSelectionError.noPythonFound(named)
            }
            interpreters = [found]
        }
        if let pythonGIL {
            if interpreters.isEmpty {
                guard let found = PythonInterpreter.discover(searchPath: searchPath) else {
                    throw RuntimeSelectionError.noPythonFound(.cpython)
                }
                interpreters = [found]
            }
            do {
                interpreters = try interpreters.map { try $0.withGIL(pythonGIL) }
            } catch let error as PythonInterpreterError {
                throw RuntimeSelectionError.gilNotSwitchable(error)
            }
        }
        if interpreters.count > 1 {
            guard !runtimes.contains(.cpythonProcesses) else {
                throw RuntimeSelectionError.processesWithSeveralInterpreters(count: interpreters.count)
            }
            let names = PythonRuntimeNames.names(interpreters)
            runtimes = runtimes.flatMap { $0 == .cpython ? names : [$0] }
        }
        discoversPython = interpreters.isEmpty && runtimes.contains(where: \.runsInPythonDriver)
    }

    /// The interpreters of a comma-separated list, each probed, none named twice.
    /// - Throws: `RuntimeSelectionError.emptyInterpreterName` for an empty entry,
    ///   `.unusableInterpreter` for one that is not a usable CPython 3, `.duplicateInterpreter`
    ///   for two entries that are one interpreter.
    static func resolve(_ list: String, searchPath: String?) throws -> [PythonInterpreter] {
        var found: [(name: String, interpreter: PythonInterpreter)] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw RuntimeSelectionError.emptyInterpreterName(list: list) }
            let interpreter: PythonInterpreter
            do {
                interpreter = try PythonInterpreter.resolve(name, searchPath: searchPath)
            } catch let error as PythonInterpreterError {
                throw RuntimeSelectionError.unusableInterpreter(error)
            }
            if let same = found.first(where: { $0.interpreter.identity == interpreter.identity }) {
                throw RuntimeSelectionError.duplicateInterpreter(
                    first: same.name, second: name, executable: interpreter.resolvedExecutable)
            }
            found.append((name, interpreter))
        }
        return found.map(\.interpreter)
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
        if interpreters.count > 1 {
            for (each, name) in zip(interpreters, PythonRuntimeNames.names(interpreters)) where runtimes.contains(name) {
                executors[name] = CPythonExecutor(interpreter: each, driverPath: driverPath, runtimeName: name)
            }
            return executors
        }
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
        interpreters = PythonInterpreter.discover(searchPath: searchPath).map { [$0] } ?? []
        if interpreter == nil { runtimes.removeAll(where: \.runsInPythonDriver) }
        return interpreter != nil
    }
}
