import ArgumentParser
import Foundation
import ThreadBenchCore
import ThreadBenchSuite

extension ThreadBench {
    /// `threadbench run` (and `threadbench` alone): run the suite and write the CSVs.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the suite (the default command) and write CSV reports to --out.")

        @Option(help: "Comma-separated workloads to run (see 'threadbench list'); default: all.")
        var workloads: String?

        @Option(help: "Comma-separated runtimes: swift, swift-gil.")
        var runtimes = "swift,swift-gil"

        @Option(help: "Thread counts: a list like 1,2,4,8 or a doubling range like 1...64.")
        var threads = "1...64"

        @Option(help: "Measured batches per workload, runtime and thread count (default 5, 3 with --quick).")
        var repetitions: Int?

        @Option(help: "Discarded warm-up batches per workload, runtime and thread count.")
        var warmup = 1

        @Option(help: "Tasks per batch (strong scaling) or per thread (weak); default: each workload's own.")
        var tasks: Int?

        @Option(help: "Scaling: strong (fixed total work) or weak (fixed work per thread).")
        var scaling = "strong"

        @Option(name: .customLong("switch-interval"), help: "The emulated GIL's switch interval in milliseconds.")
        var switchIntervalMs = 5.0

        @Option(name: .customLong("timeout"), help: "Seconds a batch may run before its threads count as timed out.")
        var timeoutSeconds = 120.0

        @Option(name: .customLong("sleep-ms"), help: "Milliseconds each sleep task waits (default 20, 1 with --quick).")
        var sleepMs: Double?

        @Flag(help: "Smaller work per task and 3 repetitions, so the default suite ends in seconds.")
        var quick = false

        @Option(help: "Folder for the CSV reports (created if missing).")
        var out = "results"

        @Option(help: "Label for this machine or experiment, in file names and every row (default: the hostname).")
        var label: String?

        @Flag(help: "Show a progress line on stderr even when it is not a terminal.")
        var progress = false

        func validate() throws {
            _ = try parsedRuntimes()
            _ = try parsedThreads()
            guard Scaling(rawValue: scaling) != nil else {
                throw ValidationError("unknown --scaling '\(scaling)'; expected strong or weak")
            }
            if let repetitions, repetitions < 1 || repetitions > 10_000 {
                throw ValidationError("--repetitions must be between 1 and 10000, got \(repetitions)")
            }
            guard (0...1000).contains(warmup) else {
                throw ValidationError("--warmup must be between 0 and 1000, got \(warmup)")
            }
            if let tasks, tasks < 1 || tasks > 100_000_000 {
                throw ValidationError("--tasks must be between 1 and 100000000, got \(tasks)")
            }
            if let tasks, scaling == "strong", let most = try parsedThreads().max(), tasks < most {
                throw ValidationError("--tasks \(tasks) is fewer than the \(most) threads asked for; "
                    + "under strong scaling every thread needs at least one task")
            }
            guard switchIntervalMs > 0, switchIntervalMs <= 10_000 else {
                throw ValidationError("--switch-interval must be above 0 and at most 10000 ms")
            }
            guard timeoutSeconds > 0, timeoutSeconds <= 86_400 else {
                throw ValidationError("--timeout must be above 0 and at most 86400 seconds")
            }
            if let sleepMs, !(sleepMs >= 0 && sleepMs <= 60_000) {
                throw ValidationError("--sleep-ms must be between 0 and 60000")
            }
            if let label, label.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--label must not be empty")
            }
            do {
                _ = try Suite.workloads(named: workloadNames(), options: suiteOptions())
            } catch let error as SuiteError {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            BuildWarning.emitIfDebug()
            Interruption.install()
            let plan = RunPlan(
                workloads: try Suite.workloads(named: workloadNames(), options: suiteOptions()),
                runtimes: try parsedRuntimes(), threadCounts: try parsedThreads(),
                repetitions: repetitions ?? (quick ? 3 : 5), warmup: warmup, tasks: tasks,
                scaling: Scaling(rawValue: scaling)!, switchIntervalMs: switchIntervalMs,
                batchTimeoutSeconds: timeoutSeconds)
            try AtomicFile.ensureWritableFolder(out)
            try ThreadCapacity.check(plan.threadCounts.max() ?? 1)

            let machine = MachineInfo.current()
            let metadata = RunMetadata(hostLabel: label, machine: machine,
                                       spawnJoinFloorMicros: try Calibration.spawnJoinFloorMicros())
            let store = ResultStore(paths: ResultPaths(folder: out, label: metadata.hostLabel, date: Date()),
                                    metadata: metadata)
            let showProgress = progress || Terminal.stderrIsTTY
            do {
                try Runner(plan: plan).run(
                    shouldStop: { Interruption.signal != nil },
                    progress: { if showProgress { ProgressLine.show($0, rewrite: Terminal.stderrIsTTY) } },
                    onRecord: { try store.append($0) })
            } catch RunError.cancelled {
                if showProgress { ProgressLine.clear(rewrite: Terminal.stderrIsTTY) }
                try store.finish(complete: false)
                Terminal.error("interrupted; \(store.records.count) finished batches kept in \(store.paths.raw) "
                    + "(marked run_complete=false)")
                Foundation.exit(Interruption.exitStatus)
            } catch {
                if showProgress { ProgressLine.clear(rewrite: Terminal.stderrIsTTY) }
                _ = try? store.finish(complete: false)
                if !store.records.isEmpty {
                    Terminal.warn("\(store.records.count) finished batches kept in \(store.paths.raw) "
                        + "(marked run_complete=false)")
                }
                throw error
            }
            if showProgress { ProgressLine.clear(rewrite: Terminal.stderrIsTTY) }
            let summary = try store.finish(complete: true)
            print(TableReporter().render(summary), terminator: "")
            for line in Findings(logicalCPUs: machine.logicalCPUs).sentences(summary) { print(line) }
            print("")
            for model in store.models { print(model.sentence) }
            for line in store.warnings { Terminal.warn(line) }
            print("\nresults: \(store.paths.raw)\n         \(store.paths.summary)\n         \(store.paths.model)"
                + "\n         \(store.paths.chart)")
        }

        private func suiteOptions() -> SuiteOptions {
            SuiteOptions(quick: quick, sleepMs: sleepMs)
        }

        private func workloadNames() -> [String] {
            guard let workloads else { return Suite.names }
            return workloads.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }

        private func parsedRuntimes() throws -> [Runtime] {
            let names = runtimes.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var result: [Runtime] = []
            for name in names {
                guard let runtime = Runtime(rawValue: name) else {
                    throw ValidationError("unknown runtime '\(name)'; known: "
                        + Runtime.allCases.map(\.rawValue).joined(separator: ", "))
                }
                if !result.contains(runtime) { result.append(runtime) }
            }
            return result
        }

        private func parsedThreads() throws -> [Int] {
            do {
                return try ThreadCountParser.parse(threads)
            } catch let error as CountListError {
                throw ValidationError("--threads: \(error.description)")
            }
        }
    }
}

/// The progress line on stderr.
enum ProgressLine {
    static func show(_ p: RunProgress, rewrite: Bool) {
        let phase = p.isWarmup ? "warm-up" : "rep \(p.repetition)"
        let text = "[\(p.done + 1)/\(p.total)] \(p.workload) \(p.runtime) \(p.threads) threads \(phase)"
        Terminal.status(rewrite ? "\r\u{1B}[K" + text : text + "\n")
    }

    static func clear(rewrite: Bool) {
        if rewrite { Terminal.status("\r\u{1B}[K") }
    }
}
