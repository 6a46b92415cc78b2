import ThreadBenchModel

/// The column layout of ThreadBench's CSV files; units are in the names.
///
/// Each column is declared once, in the tables of `CSVSchema+Run.swift` (run and machine
/// metadata), `CSVSchema+Batch.swift` (the batch key, the raw figures, the workload figures),
/// `CSVSchema+Summary.swift` and `CSVSchema+Model.swift`, with its writer and its reader; the
/// lists below are their names, in file order.
public enum CSVSchema {
    /// Bumped whenever a column changes meaning or disappears; `compare` refuses other versions.
    /// Version 2 added `task_work` and `task_work_unit`, `precision_target_pct`, and the paired
    /// speedup's figures in the summary (its `speedup` became the median of per-round ratios).
    /// Version 3 added `machine_checks` to the metadata, `cores_busy`, `pilot`, `steal_s` and
    /// `other_cpu_s` to the raw file and `parallelism`, `cpu_efficiency`
    /// (each with its interval), `cores_busy` and `pilot_rounds` to the summary, and made every
    /// interval a t-interval on logs around the geometric mean (`LogInterval`).
    /// Version 4 added `python_free_threaded` and `python_gil_enabled` to the batch key of
    /// both files (empty when read from older files) and the `cpython-<name>` runtimes of
    /// several interpreters side by side.
    public static let version = 4

    /// The versions the reader reads: a version-1 row lacks the columns version 2 added,
    /// which then take their defaults (work unknown, no precision target).
    public static let readableVersions = [1, 2, 3, 4]

    /// Run and machine metadata, first on every row of every file.
    public static let metadataColumns = metadata.names()

    /// Which batch a row describes.
    public static let batchKeyColumns = batchKey.names()

    /// Workload-specific figures; empty where a workload does not report them.
    public static let metricColumns = metrics.names()

    /// Every column of the raw file, one row per batch.
    public static let rawColumns = metadataColumns + batchKeyColumns + rawFigures.names() + metricColumns

    /// Raw-file columns a reader does without: the outlier flag, the workload-specific figures,
    /// and the columns that version-1 files lack (usable = logical CPUs with no limit; task work unknown).
    public static let optionalRawColumns = [outlier.name, usableCPUs.name, cpuLimit.name, taskWork.name,
                                            taskWorkUnit.name, precisionTarget.name, coresBusy.name, pilot.name,
                                            machineChecks.name, stealSeconds.name, otherCPUSeconds.name,
                                            pythonFreeThreaded.name, pythonGILEnabled.name] + metricColumns

    /// Raw-file columns a file must have to be read back, in file order.
    public static let requiredRawColumns = rawColumns.filter { !optionalRawColumns.contains($0) }

    /// Every column of the summary file, one row per workload x runtime x thread count.
    public static let summaryColumns = metadataColumns + batchKeyColumns + summaryFigures.names()

    /// Every column of the model file, one row per workload x runtime x scaling: Amdahl (strong
    /// scaling) or Gustafson (weak scaling) and USL fits of the median speedups, on
    /// `fitted_thread_counts` (for CPU-bound computation, those up to the usable CPUs); empty
    /// cells for a law not fitted, an unbounded ceiling, no peak, or no R^2 (no residual
    /// degree of freedom).
    public static let modelColumns = metadataColumns + modelFigures.names()
}
