/// The column layout of ThreadBench's CSV files; units are in the names.
public enum CSVSchema {
    /// Bumped whenever a column changes meaning or disappears; `compare` refuses other versions.
    /// Version 2 added `task_work` and `task_work_unit`, `precision_target_pct`, and the paired
    /// speedup's figures in the summary (its `speedup` became the median of per-round ratios).
    /// Version 3 added `cores_busy` and `pilot` to the raw file and `parallelism`, `cpu_efficiency`
    /// (each with its interval), `cores_busy` and `pilot_rounds` to the summary, and made every
    /// interval a t-interval on logs around the geometric mean (`LogInterval`). Later columns
    /// that files before them lack are optional on read and need no new version: `machine_checks`, `steal_s`, `other_cpu_s`.
    public static let version = 3

    /// The versions the reader reads: a version-1 row lacks the columns version 2 added,
    /// which then take their defaults (work unknown, no precision target).
    public static let readableVersions = [1, 2, 3]

    /// Run and machine metadata, first on every row of every file.
    public static let metadataColumns = [
        "schema_version", "run_id", "started_at", "host_label", "hostname", "os", "kernel", "arch",
        "cpu_model", "logical_cpus", "usable_cpus", "cpu_limit", "memory_bytes", "swift_version", "threadbench_version",
        "build_config", "spawn_join_floor_us", "run_complete", "machine_checks",
    ]

    /// Which batch a row describes.
    public static let batchKeyColumns = [
        "workload", "kind", "runtime", "runtime_version", "switch_interval_ms", "scaling", "threads", "tasks",
        "task_work", "task_work_unit",
    ]

    /// Workload-specific figures; empty where a workload does not report them.
    public static let metricColumns = [
        "http_connect_p50_ms", "http_connect_p99_ms", "http_ttfb_p50_ms", "http_ttfb_p99_ms",
        "http_total_p50_ms", "http_total_p99_ms", "mib_per_s",
        "io_p50_ms", "io_p99_ms", "io_baseline_p50_ms", "io_baseline_p99_ms",
    ]

    /// Every column of the raw file, one row per batch.
    public static let rawColumns = metadataColumns + batchKeyColumns + [
        "repetition", "wall_s", "outlier", "work_s", "cpu_user_s", "cpu_sys_s", "thread_cpu_s",
        "ctx_voluntary", "ctx_involuntary",
        "spawn_p50_us", "start_p50_us", "start_max_us", "join_p50_us", "join_max_us",
        "task_p50_ms", "task_p99_ms", "gil_wait_s", "ops", "bytes", "errors", "timed_out", "first_error",
        "precision_target_pct", "cores_busy", "pilot", "steal_s", "other_cpu_s",
    ] + metricColumns

    /// Raw-file columns a reader does without: the outlier flag, the workload-specific figures,
    /// and the columns that version-1 files lack (usable = logical CPUs with no limit; task work unknown).
    public static let optionalRawColumns = ["outlier", "usable_cpus", "cpu_limit", "task_work", "task_work_unit",
                                            "precision_target_pct", "cores_busy", "pilot", "machine_checks",
                                            "steal_s", "other_cpu_s"] + metricColumns

    /// Raw-file columns a file must have to be read back, in file order.
    public static let requiredRawColumns = rawColumns.filter { !optionalRawColumns.contains($0) }

    /// Every column of the summary file, one row per workload x runtime x thread count.
    public static let summaryColumns = metadataColumns + batchKeyColumns + [
        "repetitions", "outliers", "wall_median_s", "wall_min_s", "wall_max_s", "wall_stddev_s",
        "wall_ci95_low_s", "wall_ci95_high_s", "speedup", "speedup_ci95_low", "speedup_ci95_high",
        "speedup_unpaired", "speedup_unpaired_ci95_low", "speedup_unpaired_ci95_high",
        "rounds", "speedup_half_width_pct", "precision_met",
        "parallelism", "parallelism_ci95_low", "parallelism_ci95_high",
        "cpu_efficiency", "cpu_efficiency_ci95_low", "cpu_efficiency_ci95_high", "cores_busy", "pilot_rounds",
        "efficiency", "karp_flatt", "ideal_speedup", "verdict", "gil_wait_median_s", "task_p50_median_ms",
        "errors", "timed_out", "failed_batches", "notes",
    ]

    /// Every column of the model file, one row per workload x runtime x scaling: Amdahl (strong
    /// scaling) or Gustafson (weak scaling) and USL fits of the median speedups, on
    /// `fitted_thread_counts` (for CPU-bound computation, those up to the usable CPUs); empty
    /// cells for a law not fitted, an unbounded ceiling, no peak, or no R^2 (no residual
    /// degree of freedom).
    public static let modelColumns = metadataColumns + [
        "workload", "kind", "runtime", "runtime_version", "scaling", "thread_counts", "max_threads",
        "best_speedup", "fitted_thread_counts", "amdahl_serial_fraction", "amdahl_ceiling", "amdahl_r2",
        "amdahl_residual_df", "gustafson_serial_fraction", "gustafson_r2", "gustafson_residual_df",
        "usl_sigma", "usl_kappa", "usl_peak_threads", "usl_ceiling", "usl_r2", "usl_residual_df", "summary",
    ]
}
