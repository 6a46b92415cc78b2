import ThreadBenchAnalysis
import ThreadBenchModel

extension ExportDocument {
    /// The document of an analysed run.
    /// - Parameters:
    ///   - analysis: the run's analysis.
    ///   - metadata: its run and machine metadata.
    ///   - build: the threadbench and Swift versions and the build configuration that made the run.
    ///   - complete: whether the run finished.
    ///   - precision: the precision lines (`PrecisionReport`), empty when not known.
    public init(analysis: RunAnalysis, metadata: RunMetadata, build: (threadbench: String, swift: String, config: String),
                complete: Bool, csvSchemaVersion: Int, precision: [String] = []) {
        let m = metadata.machine
        self.csvSchemaVersion = csvSchemaVersion
        run = Run(runId: metadata.runID, startedAt: metadata.startedAt, label: metadata.hostLabel, complete: complete,
                  threadbenchVersion: build.threadbench, swiftVersion: build.swift, buildConfig: build.config)
        machine = Machine(hostname: m.hostname, os: m.os, kernel: m.kernel, arch: m.arch, cpuModel: m.cpuModel,
                          logicalCpus: m.logicalCPUs, usableCpus: m.usableCPUs, cpuLimit: m.cpuLimitText,
                          memoryBytes: m.memoryBytes)
        summary = analysis.summary.map(Self.row)
        models = analysis.models.map(Self.model)
        findings = analysis.findings.map(ExportFinding.init)
        warnings = analysis.warnings.map(\.text)
        self.precision = precision
    }

    static func row(_ s: SummaryRow) -> Row {
        let measured = s.verdict != .failed
        return Row(workload: s.workload, kind: s.kind.rawValue, runtime: s.runtime.rawValue,
                   runtimeVersion: s.runtimeVersion, pythonFreeThreaded: s.pythonGIL?.freeThreadedBuild,
                   pythonGilEnabled: s.pythonGIL?.enabled, scaling: s.scaling.rawValue, threads: s.threads, tasks: s.tasks,
                   taskWork: s.taskWork.isSpecified ? s.taskWork.amount : nil,
                   taskWorkUnit: s.taskWork.isSpecified ? s.taskWork.unit : nil, rounds: s.rounds,
                   pilotRounds: s.pilotRounds, failedBatches: s.failedBatches,
                   wallMedianS: measured ? Figure(s.wallMedianSeconds, s.wallCI95LowSeconds, s.wallCI95HighSeconds) : nil,
                   speedup: measured ? Figure(s.speedup, s.speedupCI95Low, s.speedupCI95High) : nil,
                   parallelism: measured ? Figure(s.parallelism) : nil,
                   cpuEfficiency: measured && s.threads > 1 ? Figure(s.cpuEfficiency) : nil,
                   coresBusy: s.coresBusy.flatMap { $0.isFinite ? $0 : nil },
                   idealSpeedup: measured ? s.idealSpeedup : nil, precisionMet: s.precisionMet,
                   verdict: s.verdict.rawValue, notes: s.notes.map(\.text))
    }

    static func model(_ m: ScalingModel) -> Model {
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        return Model(workload: m.workload, runtime: m.runtime.rawValue, scaling: m.scaling.rawValue,
                     fittedThreadCounts: m.fittedPoints.map(\.threads), serialFraction: finite(m.serialFraction),
                     uslSigma: finite(m.usl?.sigma), uslKappa: finite(m.usl?.kappa),
                     uslPeakThreads: finite(m.usl?.peakThreads), summary: m.sentence)
    }
}
