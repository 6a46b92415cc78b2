import ArgumentParser
import Foundation
import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchSession
import ThreadBenchStorage
import ThreadBenchSuite

extension ThreadBench {
    /// `threadbench run` (and `threadbench` alone): run the suite and write the CSVs.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the suite (the default command) and write CSV reports to --out.")

        @Option(help: "Comma-separated workloads to run (see 'threadbench list'); default: all.") var workloads: String?
        @Option(help: "Comma-separated runtimes: swift, swift-gil, cpython, cpython-processes (default: the first three, cpython when a Python 3 is found; swift,swift-gil with --quick).") var runtimes: String?
        @Option(help: "The Python 3 interpreter for the cpython runtime, or a comma-separated list run side by side as cpython-<version> each (default: python3, then python, on PATH).") var python: String?
        @Option(name: .customLong("python-gil"), help: "PYTHON_GIL for the interpreter: 0 runs a free-threaded build without its GIL, 1 with it (needs a free-threaded build).") var pythonGIL: Int?
        @Option(name: .customLong("start-method"), help: "How cpython-processes starts its processes: fork, forkserver or spawn (default: fork).") var startMethod: String?
        @Option(help: "Thread counts: a list like 1,2,4,8 or a doubling range like 1...64.") var threads = "1...64"
        @Option(help: "A fixed count of rounds (one batch per thread count each) per workload and runtime, no pilot; default: 3 pilot rounds, then at least 5 measured, more where the pilot was wide.") var repetitions: Int?
        @Option(help: "Target half-width of each cell's 95% interval (parallelism for computation, speedup for waiting), relative to it: 0.03 is +-3%. The pilot plans the rounds that reach it, within the budget.") var precision = RunConfiguration.defaultPrecision
        @Option(name: .customLong("budget"), help: "Seconds the whole run may take; rounds give to fit it (default 135, 18 with --quick). Ignored with --repetitions.") var budgetSeconds: Double?
        @Option(help: "Discarded warm-up rounds per workload and runtime.") var warmup = 1
        @Option(name: .customLong("round-order"), help: "Order of a round's batches: ascending (1 first) or centred (1 in the middle).") var roundOrder = RoundOrder.ascending
        @Option(name: .customLong("swift-rounds"), help: "Where swift and swift-gil rounds run: fresh (each in a new process, as CPython's; the default) or shared (all in this process; the default with --quick).") var swiftRounds: SwiftRounds?
        @Option(help: "Tasks per batch (strong scaling) or per thread (weak); default: each workload's own.") var tasks: Int?
        @Option(help: "Scaling: strong (fixed total work) or weak (fixed work per thread).") var scaling = Scaling.strong
        @Option(name: .customLong("switch-interval"), help: "The emulated GIL's switch interval in milliseconds.") var switchIntervalMs = 5.0
        @Option(name: .customLong("timeout"), help: "Seconds a batch may run before its threads count as timed out.") var timeoutSeconds = 120.0
        @OptionGroup var io: WorkloadOptions
        @OptionGroup var export: ExportOptions
        @Option(name: .customLong("save-baseline"), help: "Also keep this run as the named baseline in OUT/baselines.") var saveBaseline: String?
        @Flag(help: "Smaller work per task, an 18 s budget, Swift runtimes only (unless --runtimes or --python).") var quick = false
        @Option(help: "Folder for the CSV reports (created if missing).") var out = "results"
        @Option(help: "Label for this machine or experiment, in file names and every row (default: the hostname).") var label: String?
        @Flag(help: "Show a progress line on stderr even when it is not a terminal.") var progress = false
        @Flag(help: "Also print the table of every workload and runtime, the scaling models and every warning.") var details = false

        /// The configuration `validate()` built and checked, for `run()`.
        var prepared = Prepared<RunConfiguration>()

        /// Checks every option and builds the run's configuration once; a Python is spawned only
        /// when one is named or cpython is asked for, and nothing is written.
        mutating func validate() throws {
            if let pythonGIL, pythonGIL != 0, pythonGIL != 1 { throw ValidationError("--python-gil must be 0 or 1, got '\(pythonGIL)'") }
            do {
                let selection = try RuntimeSelection(runtimes: try runtimes.map(RuntimeSelection.parse),
                                                     python: python, quick: quick, startMethod: startMethod,
                                                     pythonGIL: pythonGIL)
                var configuration = RunConfiguration(
                    runtimes: selection, threadCounts: try ThreadCountParser.parse(threads), repetitions: repetitions,
                    precision: precision, budgetSeconds: budgetSeconds, quick: quick, warmup: warmup, tasks: tasks, scaling: scaling, switchIntervalMs: switchIntervalMs,
                    batchTimeoutSeconds: timeoutSeconds, outFolder: out, hostLabel: label,
                    preflight: { try Suite.preflight($0) }, pythonDriverPath: { try PythonDriver.scriptPath() })
                try configuration.check()
                try saveBaseline.map(Baselines.check)
                (configuration.plan.roundOrder, configuration.swiftRounds, configuration.details) = (roundOrder, .chosen(swiftRounds, quick: quick), details)
                let suiteOptions = try io.suiteOptions(quick: quick)
                configuration.plan.workloads = try Suite.workloads(namedIn: workloads, options: suiteOptions)
                prepared.value = configuration
            } catch {
                throw Self.naming(error)
            }
        }

        func run() throws {
            guard let configuration = prepared.value else { throw CommandFailure(description: "options not checked") }
            BuildWarning.emitIfDebug()
            Interruption.install()
            if let request = RoundRequest.pending { return try RoundChild.serve(request, configuration: configuration) }
            let console = RunConsole(showProgress: progress || Terminal.stderrIsTTY, details: details)
            let outcome: RunOutcome
            do {
                outcome = try RunSession(configuration: configuration).run(delegate: console)
            } catch {
                console.endProgress()
                guard case RunSessionError.interrupted = error else { throw error }
                Terminal.error("\(error)")
                throw ExitCode(Interruption.exitStatus)
            }
            try export.write(outcome.analysis, metadata: outcome.metadata, complete: true,
                             precision: outcome.precision.workloadLines + [outcome.precision.closingLine].compactMap { $0 })
            try saveBaseline.map { print("baseline: " + (try Baselines(folder: configuration.outFolder + "/baselines").save(rawPath: outcome.paths.raw, as: $0))) }
            try outcome.requireASuccessfulBatch()
        }

        /// The options that set the values a `RunSettingError` names.
        static let flags: [RunSetting: String] = [
            .repetitions: "--repetitions", .precision: "--precision", .budget: "--budget", .warmup: "--warmup", .tasks: "--tasks",
            .switchInterval: "--switch-interval", .batchTimeout: "--timeout", .hostLabel: "--label"]

        /// A core error as a one-line `ValidationError` that names the option at fault.
        static func naming(_ error: any Error) -> any Error {
            switch error {
            case RuntimeSelectionError.unusableInterpreter, RuntimeSelectionError.emptyInterpreterName, RuntimeSelectionError.duplicateInterpreter: ValidationError("--python \(error)")
            case RuntimeSelectionError.gilNotSwitchable: ValidationError("--python-gil: \(error)")
            case RuntimeSelectionError.noPythonFound: ValidationError("\(error); name one with --python PATH")
            case let error as RunSettingError:
                ValidationError("\(flags[error.setting] ?? error.setting.rawValue) \(error.problem)")
            case is CountListError: ValidationError("--threads: \(error)")
            case is RuntimeSelectionError, is SuiteError: ValidationError("\(error)")
            case let problem as Baselines.Problem: ValidationError("--save-baseline: \(problem)")
            default: error
            }
        }
    }
}
