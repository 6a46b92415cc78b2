/// The measurements of one batch: one workload, runtime, thread count and repetition.
public struct BatchRecord: Sendable, Equatable {
    /// Which batch: its workload, runtime, threads, tasks and task work (read through `BatchIdentity`).
    public var setup: BatchSetup
    /// The repetition, which is the round: repetition r of every thread count of a curve
    /// ran together, so their walls pair (`RoundRatios`).
    public var repetition: Int
    /// First `start()` to last `join` returned.
    public var wallSeconds: Seconds
    /// Start gate opened to last `join` returned: the work without thread creation.
    public var workSeconds: Seconds
    public var cpuUserSeconds: Seconds
    public var cpuSysSeconds: Seconds
    /// CPU time of the worker threads, summed (CLOCK_THREAD_CPUTIME_ID).
    public var threadCPUSeconds: Seconds
    public var voluntaryContextSwitches: Int
    public var involuntaryContextSwitches: Int
    public var spawnP50Micros: Double
    public var startP50Micros: Double
    public var startMaxMicros: Double
    public var joinP50Micros: Double
    public var joinMaxMicros: Double
    public var taskP50Millis: Double
    public var taskP99Millis: Double
    /// Time all threads spent waiting for the emulated GIL, summed.
    public var gilWaitSeconds: Seconds
    public var ops: Int
    public var bytes: Int
    public var errors: Int
    /// Threads that had not finished when the batch timeout passed.
    public var timedOut: Int
    /// The first error message of the batch, empty when there was none.
    public var firstError: String
    /// Workload-specific figures by CSV column name (see `CSVSchema.metricColumns`).
    public var metrics: [String: Double]
    /// The half-width the run aimed for, relative to the speedup (0.03 is ±3%); nil when not
    /// known (a version-1 file).
    public var precisionTarget: Double?
    /// Whether the batch ran in a pilot round: pilot rounds only plan how many rounds each
    /// cell gets (`RoundSchedule`); no figure of the summary or of `compare` comes from them.
    public var isPilot: Bool = false
    /// CPU time the hypervisor took from the machine's CPUs during the batch (`/proc/stat`
    /// steal, all CPUs), in seconds; nil where not measured.
    public var stealSeconds: Seconds?
    /// CPU time the rest of the machine used during the batch (all busy CPU less this
    /// process's), in seconds; nil where not measured.
    public var otherCPUSeconds: Seconds?

    /// Creates an empty record for the given batch; the runner fills in the measurements.
    public init(workload: String, kind: WorkloadKind, runtime: Runtime, runtimeVersion: String,
                switchIntervalMs: Double, scaling: Scaling, threads: Int, tasks: Int, repetition: Int) {
        setup = BatchSetup(workload: workload, kind: kind, runtime: runtime, runtimeVersion: runtimeVersion,
                           switchIntervalMs: switchIntervalMs, scaling: scaling, threads: threads, tasks: tasks)
        self.repetition = repetition
        wallSeconds = 0; workSeconds = 0; cpuUserSeconds = 0; cpuSysSeconds = 0; threadCPUSeconds = 0
        voluntaryContextSwitches = 0; involuntaryContextSwitches = 0
        spawnP50Micros = 0; startP50Micros = 0; startMaxMicros = 0; joinP50Micros = 0; joinMaxMicros = 0
        taskP50Millis = 0; taskP99Millis = 0; gilWaitSeconds = 0
        ops = 0; bytes = 0; errors = 0; timedOut = 0; firstError = ""; metrics = [:]
    }
}

extension BatchRecord {
    /// Cores busy: the workers' own CPU seconds over the batch's wall seconds; nil when either
    /// is not a positive finite number (a file from before the workers' CPU was recorded).
    public var coresBusy: Double? {
        guard wallSeconds > 0, wallSeconds.isFinite, threadCPUSeconds > 0, threadCPUSeconds.isFinite else {
            return nil
        }
        return threadCPUSeconds / wallSeconds
    }
}
