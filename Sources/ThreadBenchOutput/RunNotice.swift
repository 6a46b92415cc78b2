import ThreadBenchAnalysis
import ThreadBenchMeasurement
import ThreadBenchModel

/// Something a run session tells its front end that does not stop the run, with its figures;
/// `description` is its text.
public enum RunNotice: Sendable, CustomStringConvertible {
    /// No Python 3 was found on PATH, so the default cpython runtime is skipped.
    case cpythonSkipped
    /// A workload has no Python version, so it runs without cpython rows.
    case noPythonVersion(workload: String)
    /// A CPython batch had failed tasks; told once per workload, the rows carry every case.
    case driverErrors(BatchRecord)
    /// A warning about the finished run's results: unstable rows, outliers, too little work.
    case warning(ResultWarning)
    /// A workload whose batches had failed tasks or timed-out threads.
    case failures(WorkloadFailures)
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
        case .warning(let warning):
            warning.text
        case .failures(let failures):
            failures.text
        case .precision(let line):
            line
        case .machineCheck(let check):
            "machine: \(check.name): \(check.detail) (`threadbench doctor` for advice)"
        case .partialResultsKept(let batches, let rawPath):
            "\(batches) finished batches kept in \(rawPath) (marked run_complete=false)"
        }
    }
}
