/// Why a run session ended without an outcome, beyond the errors of the runner and the files.
public enum RunSessionError: Error, CustomStringConvertible {
    /// The user interrupted the run; the batches that finished are kept, marked incomplete.
    case interrupted(keptBatches: Int, rawPath: String)
    /// The run finished and wrote its files, but every batch had an error or timed out.
    case nothingSucceeded(rawPath: String)
    /// cpython runs but no driver script was configured.
    case noPythonDriver

    public var description: String {
        switch self {
        case .interrupted(let kept, let rawPath):
            kept == 0 ? "interrupted before any batch finished; no results written" : "interrupted; \(kept) finished batches kept in \(rawPath) (marked run_complete=false)"
        case .nothingSucceeded(let rawPath):
            "no batch succeeded: every one had errors or timed out (see first_error in \(rawPath))"
        case .noPythonDriver:
            "the cpython runtime needs the CPython driver script and none was configured"
        }
    }
}
