import ArgumentParser
import FixtureServer
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

        @Option(help: "Comma-separated runtimes: swift, swift-gil, cpython (default: all three, cpython when a Python 3 is found; swift,swift-gil with --quick).")
        var runtimes: String?

        @Option(help: "The Python 3 interpreter for the cpython runtime (default: python3, then python, on PATH).")
        var python: String?

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

        @Option(help: "URL every http task GETs instead of the embedded fixture server (http:// or https://).")
        var url: String?

        @Option(name: .customLong("http-delay-ms"),
                help: "Milliseconds the embedded server waits before answering (default 20, 2 with --quick).")
        var httpDelayMs: Int?

        @Option(name: .customLong("http-bytes"),
                help: "Body bytes the embedded server sends per request (default 16384, 4096 with --quick).")
        var httpBytes: Int?

        @Option(name: .customLong("http-timeout"), help: "Seconds one HTTP request may take before it counts as an error.")
        var httpTimeoutSeconds: Double?

        @Flag(name: .customLong("http-no-reuse"), help: "Open a new connection for every HTTP request (default: keep-alive).")
        var httpNoReuse = false

        @Option(name: .customLong("file-bytes"),
                help: "Bytes each file task writes, fsyncs and reads back (default 1048576, 65536 with --quick).")
        var fileBytes: Int?

        @Option(name: .customLong("file-dir"), help: "Folder for the file workload's private temp folder (default: $TMPDIR or /tmp).")
        var fileDir: String?

        @Flag(help: "Smaller work per task, 3 repetitions, Swift runtimes only (unless --runtimes or --python): seconds, not minutes.")
        var quick = false

        @Option(help: "Folder for the CSV reports (created if missing).")
        var out = "results"

        @Option(help: "Label for this machine or experiment, in file names and every row (default: the hostname).")
        var label: String?

        @Flag(help: "Show a progress line on stderr even when it is not a terminal.")
        var progress = false

        func validate() throws {
            // A Python asked for (by --python, or cpython named in --runtimes) must exist; the default
            // suite only warns and skips cpython when none is found (see runtimeSetup).
            if try python != nil || (runtimes != nil && parsedRuntimes().contains(.cpython)) {
                _ = try findPython(required: true)
            }
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
            try validateIOOptions()
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
            let (chosenRuntimes, executors) = try runtimeSetup()
            let plan = RunPlan(
                workloads: try Suite.workloads(named: workloadNames(), options: suiteOptions()),
                runtimes: chosenRuntimes, threadCounts: try parsedThreads(),
                repetitions: repetitions ?? (quick ? 3 : 5), warmup: warmup, tasks: tasks,
                scaling: Scaling(rawValue: scaling)!, switchIntervalMs: switchIntervalMs,
                batchTimeoutSeconds: timeoutSeconds)
            try AtomicFile.ensureWritableFolder(out)
            try ThreadCapacity.check(plan.threadCounts.max() ?? 1)
            try Suite.preflight(plan.workloads)

            let machine = MachineInfo.current()
            let metadata = RunMetadata(hostLabel: label, machine: machine,
                                       spawnJoinFloorMicros: try Calibration.spawnJoinFloorMicros())
            let store = ResultStore(paths: ResultPaths(folder: out, label: metadata.hostLabel, date: Date()),
                                    metadata: metadata)
            let showProgress = progress || Terminal.stderrIsTTY
            let runner = Runner(plan: plan, executors: executors)
            for workload in plan.workloads where plan.runtimes.contains(.cpython) && !runner.runs(workload, under: .cpython) {
                Terminal.warn("\(workload.name) has no Python version; it runs without its cpython rows")
            }
            var warned: Set<String> = []
            do {
                try runner.run(
                    shouldStop: { Interruption.signal != nil },
                    progress: { if showProgress { ProgressLine.show($0, rewrite: Terminal.stderrIsTTY) } },
                    onRecord: { record in
                        try store.append(record)
                        // A failing driver is told once per workload; the rows carry every case.
                        if record.runtime.isCPython, record.errors > 0,
                           warned.insert(record.workload).inserted {
                            if showProgress { ProgressLine.clear(rewrite: Terminal.stderrIsTTY) }
                            Terminal.warn("\(record.runtime) \(record.workload), \(record.threads) threads: "
                                + "\(record.errors) errors: \(record.firstError)")
                        }
                    })
            } catch RunError.cancelled {
                if showProgress { ProgressLine.clear(rewrite: Terminal.stderrIsTTY) }
                try store.finish(RunAnalysis(records: store.records, metadata: metadata), complete: false)
                Terminal.error("interrupted; \(store.records.count) finished batches kept in \(store.paths.raw) "
                    + "(marked run_complete=false)")
                Foundation.exit(Interruption.exitStatus)
            } catch {
                if showProgress { ProgressLine.clear(rewrite: Terminal.stderrIsTTY) }
                try? store.finish(RunAnalysis(records: store.records, metadata: metadata), complete: false)
                if !store.records.isEmpty {
                    Terminal.warn("\(store.records.count) finished batches kept in \(store.paths.raw) "
                        + "(marked run_complete=false)")
                }
                throw error
            }
            if showProgress { ProgressLine.clear(rewrite: Terminal.stderrIsTTY) }
            let analysis = RunAnalysis(records: store.records, metadata: metadata)
            try store.finish(analysis, complete: true)
            print(TableReporter().render(analysis.summary), terminator: "")
            for line in analysis.findings { print(line) }
            for caveat in plan.workloads.compactMap(\.caveat) { print("note: \(caveat)") }
            print("")
            for model in analysis.models where model.kind != .mixed { print(model.sentence) }
            for line in analysis.warnings { Terminal.warn(line) }
            for line in analysis.failures { Terminal.warn(line) }
            print("\nresults: \(store.paths.raw)\n         \(store.paths.summary)\n         \(store.paths.model)"
                + "\n         \(store.paths.chart)")
        }

        private func suiteOptions() -> SuiteOptions {
            SuiteOptions(quick: quick, sleepMs: sleepMs, httpURL: url, httpDelayMs: httpDelayMs, httpBytes: httpBytes,
                         httpTimeoutSeconds: httpTimeoutSeconds, httpReuse: !httpNoReuse, fileBytes: fileBytes,
                         fileDir: fileDir)
        }

        /// Checks the http and file options; reachability and writability are checked by
        /// `Suite.preflight` when the run starts, before any batch.
        private func validateIOOptions() throws {
            if let url {
                guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(),
                      scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty else {
                    throw ValidationError("--url '\(url)' is not an http:// or https:// URL with a host")
                }
                if httpDelayMs != nil || httpBytes != nil {
                    throw ValidationError("--http-delay-ms and --http-bytes set the embedded server; they do not apply with --url")
                }
            }
            if let httpDelayMs, !(0...FixtureRoute.maxDelayMs).contains(httpDelayMs) {
                throw ValidationError("--http-delay-ms must be between 0 and \(FixtureRoute.maxDelayMs), got \(httpDelayMs)")
            }
            if let httpBytes, !(0...FixtureRoute.maxBodyBytes).contains(httpBytes) {
                throw ValidationError("--http-bytes must be between 0 and \(FixtureRoute.maxBodyBytes), got \(httpBytes)")
            }
            if let httpTimeoutSeconds, !(httpTimeoutSeconds > 0 && httpTimeoutSeconds <= 3600) {
                throw ValidationError("--http-timeout must be above 0 and at most 3600 seconds")
            }
            if let fileBytes, !(1...(1 << 30)).contains(fileBytes) {
                throw ValidationError("--file-bytes must be between 1 and \(1 << 30), got \(fileBytes)")
            }
            if let fileDir {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: fileDir, isDirectory: &isFolder) else {
                    throw ValidationError("--file-dir \(fileDir) does not exist")
                }
                guard isFolder.boolValue else { throw ValidationError("--file-dir \(fileDir) is not a folder") }
            }
        }

        private func workloadNames() -> [String] {
            guard let workloads else { return Suite.names }
            return workloads.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }

        /// The runtimes to run, with the cpython executor when CPython is among them.
        ///
        /// By default CPython joins when a Python 3 is found, and is skipped with a warning when not;
        /// asked for by name, a missing Python is an error (caught in `validate`).
        private func runtimeSetup() throws -> ([Runtime], [Runtime: any BatchExecuting]) {
            var chosen = try parsedRuntimes()
            guard chosen.contains(.cpython) else { return (chosen, [:]) }
            guard let interpreter = try findPython(required: runtimes != nil) else {
                Terminal.warn("no Python 3 found on PATH (python3, python); skipping the cpython runtime "
                    + "(name one with --python PATH)")
                chosen.removeAll { $0 == .cpython }
                return (chosen, [:])
            }
            let driver: String
            do {
                driver = try PythonDriver.scriptPath()
            } catch let error as SuiteError {
                throw CommandFailure(description: error.description)
            }
            return (chosen, [.cpython: CPythonExecutor(interpreter: interpreter, driverPath: driver)])
        }

        /// The interpreter of `--python`, else the first Python 3 on PATH.
        /// - Throws: `ValidationError` in one line for a `--python` that is not a CPython 3, or,
        ///   when `required`, for no Python 3 on PATH.
        private func findPython(required: Bool) throws -> PythonInterpreter? {
            if let python {
                do {
                    return try PythonInterpreter.resolve(python)
                } catch let error as PythonInterpreterError {
                    throw ValidationError(error.description)
                }
            }
            if let found = PythonInterpreter.discover() { return found }
            guard required else { return nil }
            throw ValidationError("the cpython runtime needs a Python 3 and none was found on PATH "
                + "(python3, python); name one with --python PATH")
        }

        private func parsedRuntimes() throws -> [Runtime] {
            // --quick is a fast look at the Swift runtimes; CPython computes ~70x slower per task.
            guard let runtimes else { return quick && python == nil ? [.swift, .swiftGIL] : Runtime.selectable }
            let names = runtimes.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var result: [Runtime] = []
            for name in names {
                guard let runtime = Runtime(selecting: name) else {
                    throw ValidationError("unknown runtime '\(name)'; known: "
                        + Runtime.selectable.map(\.rawValue).joined(separator: ", "))
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
