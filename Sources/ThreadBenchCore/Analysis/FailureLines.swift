/// One warning per workload whose batches had failed tasks or timed-out threads, naming the
/// first error, so that a full disk or a dead server is said on stderr and not only in the CSV.
public enum FailureLines {
    /// One line per workload whose batches failed: how many failures, in how many batches, the first error.
    public static func lines(_ records: [BatchRecord]) -> [String] {
        var order: [String] = []
        var failed: [String: (errors: Int, batches: Int, first: String)] = [:]
        for record in records where record.errors > 0 || record.timedOut > 0 {
            if failed[record.workload] == nil { order.append(record.workload); failed[record.workload] = (0, 0, "") }
            failed[record.workload]!.errors += record.errors
            failed[record.workload]!.batches += 1
            if failed[record.workload]!.first.isEmpty { failed[record.workload]!.first = record.firstError }
        }
        return order.map { name in
            let f = failed[name]!
            return "\(name): \(f.errors) failed tasks or timed-out threads in \(f.batches) batches; first error: \(f.first)"
        }
    }
}
