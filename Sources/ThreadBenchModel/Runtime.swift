/// Which threads ran a workload, and under which lock; typed end to end, CSV name on the outside.
///
/// The selectable runtimes are the ones a user can ask for. A CPython run whose interpreter
/// reports no GIL records `cpython-nogil`; a run of several interpreters side by side records
/// one `cpython-<name>` per interpreter (`cpython-3.11`, `cpython-3.14t`); a name written by
/// another ThreadBench version that this one does not know is kept as `.other` so its file
/// still loads.
public enum Runtime: Hashable, Sendable, Comparable, CustomStringConvertible, RawRepresentable,
    ExpressibleByStringLiteral {
    /// Plain Swift threads, no lock: computation can use every core.
    case swift
    /// Swift threads under the emulated GIL with CPython's switching rules.
    case swiftGIL
    /// Real CPython threads running the workload's Python version in a child interpreter.
    case cpython
    /// The rows of `cpython` when the interpreter runs without a GIL (free-threaded build).
    case cpythonNoGIL
    /// Real CPython threads under one of several interpreters run side by side, named after it:
    /// `cpythonInterpreter("3.14t")` is `cpython-3.14t` (`PythonRuntimeNames` gives the names).
    /// Whether its rows ran with a GIL is recorded on each row (`PythonGILState`), not in the name.
    case cpythonInterpreter(String)
    /// The remedy beside the caveat: the same Python workloads, one `multiprocessing.Process`
    /// per worker, each with its own interpreter and GIL.
    case cpythonProcesses
    /// A name this version does not know, read from a CSV of another version.
    case other(String)

    /// The runtimes a user can select, in display order.
    public static let selectable: [Runtime] = [.swift, .swiftGIL, .cpython, .cpythonProcesses]

    /// The runtimes a run uses when none are named: the lesson's caveat (threads, with and
    /// without a GIL). `cpythonProcesses`, the remedy, runs only when asked for: it repeats
    /// every CPython batch, whose computation costs about 70 times Swift's, in processes.
    public static let defaults: [Runtime] = [.swift, .swiftGIL, .cpython]

    /// The runtime with this CSV name; an unknown name becomes `.other`.
    public init(rawValue: String) {
        switch rawValue {
        case "swift": self = .swift
        case "swift-gil": self = .swiftGIL
        case "cpython": self = .cpython
        case "cpython-nogil": self = .cpythonNoGIL
        case "cpython-processes": self = .cpythonProcesses
        case let name where name.hasPrefix(Self.interpreterPrefix)
            && name.dropFirst(Self.interpreterPrefix.count).first?.isNumber == true:
            self = .cpythonInterpreter(String(name.dropFirst(Self.interpreterPrefix.count)))
        default: self = .other(rawValue)
        }
    }

    /// A runtime from its CSV name written as a literal (`"swift-gil"`).
    public init(stringLiteral name: String) { self.init(rawValue: name) }

    /// The selectable runtime with this name, or nil.
    public init?(selecting name: String) {
        let runtime = Runtime(rawValue: name)
        guard Runtime.selectable.contains(runtime) else { return nil }
        self = runtime
    }

    /// The name in CSV files and on the command line.
    public var rawValue: String {
        switch self {
        case .swift: "swift"
        case .swiftGIL: "swift-gil"
        case .cpython: "cpython"
        case .cpythonNoGIL: "cpython-nogil"
        case .cpythonProcesses: "cpython-processes"
        case .cpythonInterpreter(let name): Self.interpreterPrefix + name
        case .other(let name): name
        }
    }

    public var description: String { rawValue }

    /// What the name of one of several interpreters starts with; a digit (its version) follows.
    public static let interpreterPrefix = "cpython-"

    /// Whether the rows came from a CPython interpreter.
    public var isCPython: Bool { self == .cpythonProcesses || runsOnCPythonThreads }

    /// Whether the rows came from CPython threads (`cpython`, `cpython-nogil`, or one of several
    /// interpreters), not processes.
    public var runsOnCPythonThreads: Bool {
        switch self {
        case .cpython, .cpythonNoGIL, .cpythonInterpreter: true
        case .swift, .swiftGIL, .cpythonProcesses, .other: false
        }
    }

    /// Whether computation under it can use every core, by its name alone: plain Swift, a
    /// free-threaded CPython, or CPython processes (one GIL each). A row knows better
    /// (`BatchIdentity.runsWithoutGIL` reads the GIL state it recorded).
    public var runsWithoutGIL: Bool { self == .swift || self == .cpythonNoGIL || self == .cpythonProcesses }

    /// Whether a `CPythonExecutor` runs it (the rows of `cpythonNoGIL` come from `cpython`'s).
    public var runsInPythonDriver: Bool { self != .cpythonNoGIL && isCPython }

    /// The label CPython rows carry for an interpreter that reported `gilEnabled`.
    public static func cpython(gilEnabled: Bool) -> Runtime { gilEnabled ? .cpython : .cpythonNoGIL }

    private var order: Int {
        switch self {
        case .swift: 0
        case .swiftGIL: 1
        case .cpython: 2
        case .cpythonNoGIL: 3
        case .cpythonInterpreter: 4
        case .cpythonProcesses: 5
        case .other: 6
        }
    }

    public static func < (lhs: Runtime, rhs: Runtime) -> Bool {
        (lhs.order, lhs.rawValue) < (rhs.order, rhs.rawValue)
    }
}
