import ThreadBenchMeasurement
import ThreadBenchModel

/// Something a run session tells its front end that does not stop the run.
public enum RunNotice: Sendable, CustomStringConvertible {
    /// No Python 3 was found on PATH, so the default cpython runtime is skipped.
    case cpythonSkipped
    /// A workload has no Python version, so it runs without cpython rows.
    case noPythonVersion(workload: String)
    /// A CPython batch had failed tasks; told once per workload, the rows carry every case.
    case driverErrors(BatchRecord)
    /// A warning about the finished run's results: unstable rows, outliers, failed tasks.
    case aboutResults(String)
    /// How many cells met the precision target, and which did not (`PrecisionReport.closingLine`).
    case precision(String)
    /// A machine check before the run warned (`threadbench doctor` gives its advice).
    case machineCheck(MachineCheck)
    /// The run failed; the batches that finished are kept, marked incomplete.
    case partialResultsKept(batches: Int, rawPath: String)

    public var description: String {
        switch self {
        case .cpythonSkipped:
            "no Python 3 found on PATH (" + PythonInterpreter.searchNames.joined(separator: ", ")
                + "); skipping the cpython runtime"
        case .noPythonVersion(let workload):
            "\(workload) has no Python version; it runs without its cpython rows"
        case .driverErrors(let record):
            "\(record.runtime) \(record.workload), \(record.threads) threads: "
                + "\(record.errors) errors: \(record.firstError)"
        case .aboutResults(let line), .precision(let line):
            line
        case .machineCheck(let check):
            "machine: \(check.name): \(check.detail) (`threadbench doctor` for advice)"
        case .partialResultsKept(let batches, let rawPath):
            "\(batches) finished batches kept in \(rawPath) (marked run_complete=false)"
        }
    }
}

/// Why a run session ended without an outcome, beyond the errors of the runner and the files.
public enum RunSessionError: Error, CustomStringConvertible {
    /// The user interrupted the run; the batches that finished are kept, marked incomplete.
    case interrupted(keptBatches: Int, rawPath: String)
    /// cpython runs but no driver script was configured.
    case noPythonDriver

    public var description: String {
        switch self {
        case .interrupted(let kept, let rawPath):
            kept == 0 ? "interrupted before any batch finished; no results written" : "interrupted; \(kept) finished batches kept in \(rawPath) (marked run_complete=false)"
        case .noPythonDriver:
            "the cpython runtime needs the CPython driver script and none was configured"
        }
    }
}
