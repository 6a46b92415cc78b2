/// The names of a batch's workload-specific figures (`BatchRecord.metrics`), which are also
/// their CSV columns: a percentile of each per-task sub-timing, and the file throughput.
public enum MetricColumns {
    /// The throughput of the `file` workload's batch, in MiB/s.
    public static let mibPerSecond = "mib_per_s"

    /// Every figure in CSV order: the HTTP timings (`p50` and `p99` of the `http` workload's
    /// samples), the throughput, the convoy's latencies (of `io` and `io_baseline`).
    public static let all = [
        "http_connect_p50_ms", "http_connect_p99_ms", "http_ttfb_p50_ms", "http_ttfb_p99_ms",
        "http_total_p50_ms", "http_total_p99_ms", mibPerSecond,
        "io_p50_ms", "io_p99_ms", "io_baseline_p50_ms", "io_baseline_p99_ms",
    ]

    /// The median of the sub-timing `sample` over a batch's tasks, in ms: `io` -> `io_p50_ms`.
    public static func p50(_ sample: String) -> String { "\(sample)_p50_ms" }

    /// The 99th percentile of the sub-timing `sample`, in ms: `io` -> `io_p99_ms`.
    public static func p99(_ sample: String) -> String { "\(sample)_p99_ms" }
}
