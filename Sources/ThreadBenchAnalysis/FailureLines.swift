import ThreadBenchModel

/// One warning per workload whose batches had failed tasks or timed-out threads, naming the
/// first error, so that a full disk or a dead server is said on stderr and not only in the CSV.
public enum FailureLines {
    /// One line per workload whose batches failed: how many failures, in how many batches, the first error.
    public static func lines(_ records: [BatchRecord]) -> [String] {
        records.filter { $0.errors > 0 || $0.timedOut > 0 }.orderedGroups(by: \.workload).map { name, failed in
            let errors = failed.reduce(0) { $0 + $1.errors }
            let first = failed.first { !$0.firstError.isEmpty }?.firstError ?? ""
            return "\(name): \(errors) failed tasks or timed-out threads in \(failed.count) batches; first error: \(first)"
        }
    }
}
