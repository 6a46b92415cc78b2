import Foundation
import ThreadBenchAnalysis
import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage

/// What a run session tells its front end while it works; the core prints nothing itself.
public protocol RunSessionDelegate: AnyObject {
    /// Called before every batch, warm-up or measured.
    func runSession(willRun progress: RunProgress)
    /// Called with something the user should know that does not stop the run.
    func runSession(notice: RunNotice)
    /// Called with the results for the reader, in order: the tables and findings, then the files written.
    func runSession(output text: String)
}

/// One run of the suite from start to finish: selection, checks, calibration, batches, files.
///
/// The session finishes the runtime selection (looking for a Python when the default asks for
/// one), checks the output folder, the thread capacity and the workloads' outside needs before
/// any batch, measures the spawn+join floor for the run's metadata, runs the plan, keeps every
/// measured batch on disk as it ends, and writes the analysed files at the end. An interrupted
/// or failed run keeps its finished batches, marked incomplete.
public struct RunSession {
    /// What to run.
    public let configuration: RunConfiguration

    /// How long a run watches steal and the other processes before it starts, in seconds.
    static let checkProbeSeconds = 0.25

    /// Creates a session for a configuration that passed `RunConfiguration.check()`.
    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Runs the session; a SIGINT or SIGTERM seen by `Interruption` stops it between batches.
    /// - Parameter delegate: told of progress and notices as they happen, and of the results at the end.
    /// - Returns: the analysis of the finished run and where its files are.
    /// - Throws: `RunSessionError.interrupted` after an interruption; otherwise the first
    ///   error of the checks, the runner (`RunError`) or the files (`FileWriteError`).
    public func run(delegate: any RunSessionDelegate) throws -> RunOutcome {
        let (plan, executors) = try planAndExecutors(delegate: delegate)
        try AtomicFile.ensureWritableFolder(configuration.outFolder)
        try ThreadCapacity.check(plan.threadCounts.max() ?? 1)
        try configuration.preflight(plan.workloads)

        let checks = MachineDoctor.cheapChecks(probeSeconds: Self.checkProbeSeconds)
        for check in checks where check.state == .warning { delegate.runSession(notice: .machineCheck(check)) }
        var metadata = RunMetadata(hostLabel: configuration.hostLabel, machine: MachineInfo.current(),
                                   spawnJoinFloorMicros: try Calibration.spawnJoinFloorMicros())
        metadata.machineChecks = MachineDoctor.compact(checks)
        let store = ResultStore(paths: ResultPaths(folder: configuration.outFolder, label: metadata.hostLabel,
                                                   date: Date()), metadata: metadata)
        let runner = Runner(plan: plan, executors: executors)
        let python = plan.runtimes.first(where: \.runsOnCPythonThreads)
        for workload in plan.workloads where python.map({ !runner.runs(workload, under: $0) }) ?? false {
            delegate.runSession(notice: .noPythonVersion(workload: workload.name))
        }
        try measure(runner, into: store, metadata: metadata, delegate: delegate)
        let analysis = RunAnalysis(records: store.records, metadata: metadata)
        try store.finish(analysis, complete: true)
        let outcome = RunOutcome(analysis: analysis, paths: store.paths, caveats: plan.workloads.compactMap(\.caveat),
                                 precision: PrecisionReport(summary: analysis.summary, target: plan.precision),
                                 metadata: metadata)
        delegate.runSession(output: RunResultsReporter.render(analysis, precisionLines: outcome.precision.workloadLines,
                                                              caveats: outcome.caveats, details: configuration.details))
        for warning in analysis.warnings { delegate.runSession(notice: .warning(warning)) }
        for failures in analysis.failures { delegate.runSession(notice: .failures(failures)) }
        if let line = outcome.precision.closingLine { delegate.runSession(notice: .precision(line)) }
        delegate.runSession(output: RunResultsReporter.files(store.paths, details: configuration.details))
        return outcome
    }

    /// The plan, with the cpython executor when cpython runs.
    private func planAndExecutors(delegate: any RunSessionDelegate) throws
        -> (RunPlan, [Runtime: any BatchExecuting]) {
        var selection = configuration.runtimes
        if !selection.discoverPendingPython() { delegate.runSession(notice: .cpythonSkipped) }
        var plan = configuration.plan
        plan.runtimes = selection.runtimes
        var executors: [Runtime: any BatchExecuting] = [:]
        if configuration.swiftRounds == .fresh {
            executors[.swift] = FreshProcessExecutor.current()
            executors[.swiftGIL] = FreshProcessExecutor.current()
        }
        guard plan.runtimes.contains(where: \.runsInPythonDriver), selection.interpreter != nil else { return (plan, executors) }
        return (plan, executors.merging(selection.pythonExecutors(driverPath: try configuration.pythonDriverPath())) { $1 })
    }

    /// Runs every batch into `store`; on an interruption or an error, writes what finished, marked incomplete.
    private func measure(_ runner: Runner, into store: ResultStore, metadata: RunMetadata,
                         delegate: any RunSessionDelegate) throws {
        var told: Set<String> = []
        do {
            try runner.run(
                shouldStop: { Interruption.signal != nil },
                progress: { delegate.runSession(willRun: $0) },
                onRecord: { record in
                    try store.append(record)
                    if record.runtime.isCPython, record.errors > 0, told.insert(record.workload).inserted {
                        delegate.runSession(notice: .driverErrors(record))
                    }
                })
        } catch RunError.cancelled {
            try store.finish(RunAnalysis(records: store.records, metadata: metadata), complete: false)
            throw RunSessionError.interrupted(keptBatches: store.records.count, rawPath: store.paths.raw)
        } catch {
            try? store.finish(RunAnalysis(records: store.records, metadata: metadata), complete: false)
            if !store.records.isEmpty {
                delegate.runSession(notice: .partialResultsKept(batches: store.records.count, rawPath: store.paths.raw))
            }
            throw error
        }
    }
}
