import ThreadBenchModel
import ThreadBenchStatistics

/// Everything a run's records say, computed once: summary, outliers, models, warnings, findings.
///
/// `run`, `report` and `compare` all build one of these from records; the store writes it and
/// the reporters format it, and neither analyses anything again.
public struct RunAnalysis: Sendable {
    /// The measured batches, in the order they ran.
    public let records: [BatchRecord]
    /// Per record, in the same order, whether its wall time is an outlier among its repetitions.
    public let outlierFlags: [Bool]
    /// One row per workload x runtime x scaling x thread count.
    public let summary: [SummaryRow]
    /// One fitted model per workload x runtime x scaling.
    public let models: [ScalingModel]
    /// Warnings about the results (unstable rows, outliers, too little work per thread), as values.
    public let warnings: [ResultWarning]
    /// Per workload where threads helped, then the runtimes side by side, then processes.
    public let findings: [Finding]
    /// Per workload whose batches failed, how often, and the first error.
    public let failures: [WorkloadFailures]
    /// The machine the run came from, whose usable CPUs bound computation's speedup.
    public let machine: MachineInfo
    /// What names the run (in chart titles): its host label, or its file name.
    public let label: String

    /// Analyses the records of one run on the machine described by `metadata`.
    public init(records: [BatchRecord], metadata: RunMetadata) {
        self.init(records: records, metadata: metadata, label: metadata.hostLabel)
    }

    /// Analyses a run read back from a file, named by the run's label (the file name when the
    /// run has no host label).
    public init(_ run: RecordedRun) {
        self.init(records: run.records, metadata: run.metadata, label: run.label)
    }

    /// Analyses records; `label` names the run.
    private init(records: [BatchRecord], metadata: RunMetadata, label: String) {
        let machine = metadata.machine
        self.machine = machine
        self.label = label
        self.records = records
        outlierFlags = Self.wallOutlierFlags(records)
        var rows = Summarizer.summarize(records, usableCPUs: machine.usableCPUs)
        let disturbed = DisturbanceNotes.mark(&rows, records: records, logicalCPUs: machine.logicalCPUs)
        summary = rows
        models = ScalingModel.fits(summary, usableCPUs: machine.usableCPUs, cpuLimit: machine.cpuLimit)
        warnings = RunDiagnostics.warnings(summary, spawnJoinFloorMicros: metadata.spawnJoinFloorMicros) + disturbed
        findings = Findings(usableCPUs: machine.usableCPUs, cpuLimit: machine.cpuLimit).findings(summary)
            + RuntimeComparison.findings(summary)
            + ProcessesFindings.findings(summary, usableCPUs: machine.usableCPUs)
        failures = WorkloadFailures.of(records)
    }

    /// Whether each record's wall time is an outlier among the successful repetitions of its
    /// own workload, runtime, scaling and thread count, in the order given; a failed batch
    /// (left out of every figure) is never flagged.
    public static func wallOutlierFlags(_ records: [BatchRecord]) -> [Bool] {
        var result = Array(repeating: false, count: records.count)
        let successful = records.indices.filter { !records[$0].failed }
        for (_, members) in successful.orderedGroups(by: { BatchKey(records[$0]) }) {
            for (index, flag) in zip(members, OutlierDetection.flags(members.map { records[$0].wallSeconds })) {
                result[index] = flag
            }
        }
        return result
    }
}
