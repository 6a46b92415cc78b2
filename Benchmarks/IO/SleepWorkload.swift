import ThreadBenchMeasurement
import ThreadBenchModel

/// The lesson's producer: each task waits a fixed time, with the GIL released while it waits.
public final class SleepWorkload: Workload {
    public let name = "sleep"
    public let kind = WorkloadKind.io
    public let defaultTasks = 64
    /// The wait per task in milliseconds.
    public let sleepMs: Double

    /// Creates the workload: 64 tasks of 3 ms (1 ms with `--quick`), or `--sleep-ms`; a
    /// 1-thread batch lasts about 0.2 s, like the CPU workloads'.
    public init(options: SuiteOptions) {
        sleepMs = options.sleepMs ?? (options.quick ? 1 : 3)
    }

    public func taskWork(under runtime: Runtime) -> TaskWork {
        TaskWork(amount: sleepMs, unit: "ms sleep")
    }

    public var summary: String {
        "io: waits \(CSVText.number(sleepMs)) ms per task (nanosleep), releasing the GIL while it waits"
    }

    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        Worker(nanos: Nanoseconds(sleepMs * 1e6))
    }

    final class Worker: TaskWorker {
        let nanos: Nanoseconds
        init(nanos: Nanoseconds) { self.nanos = nanos }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            context.blocking { Clock.sleep(nanos: nanos) }
            return TaskOutcome(ops: 1)
        }
    }
}
