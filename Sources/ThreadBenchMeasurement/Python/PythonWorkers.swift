import Foundation

/// How `multiprocessing` starts each worker process of the `cpython-processes` runtime.
///
/// ThreadBench always names the method in its request, so every row says which one ran
/// (`runtime_version` `cpython-3.11.7-fork`) instead of depending on the interpreter's default.
public enum StartMethod: String, Sendable, CaseIterable {
    /// `os.fork()`: the child is a copy of the driver and starts in about a millisecond.
    case fork
    /// A server process forks each child from a clean copy of itself (Linux's default from 3.14).
    case forkserver
    /// A fresh interpreter per child that imports the driver (the default on macOS and Windows).
    case spawn

    /// The method a run uses when none is asked for: `fork`, what the lesson's
    /// `multiprocessing.Process` gets on Linux up to Python 3.13 and the cheapest to start,
    /// so that the rows measure the work rather than interpreter start-ups.
    public static let `default` = StartMethod.fork

    /// The method with this name.
    /// - Throws: `RuntimeSelectionError.unknownStartMethod` for any other name.
    public static func parse(_ name: String) throws -> StartMethod {
        guard let method = StartMethod(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
            throw RuntimeSelectionError.unknownStartMethod(name)
        }
        return method
    }
}

/// What each worker of a CPython batch runs on: a thread, or a process started by a method.
public enum PythonWorkers: Sendable, Equatable {
    /// `threading.Thread` per worker, all under one GIL (the `cpython` runtime).
    case threads
    /// `multiprocessing.Process` per worker, one interpreter and GIL each (`cpython-processes`).
    case processes(StartMethod)

    /// The driver request's `mode`, which is also the noun for messages about a batch's
    /// workers: the case's own name.
    var mode: String {
        switch self {
        case .threads: String(describing: Self.threads)
        case .processes: "processes"
        }
    }

    /// The start method, for processes.
    var startMethod: StartMethod? {
        switch self {
        case .threads: nil
        case .processes(let method): method
        }
    }

    /// The noun for messages about a batch's workers (`mode`).
    var noun: String { mode }
}
