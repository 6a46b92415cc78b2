import Synchronization
import ThreadBenchMeasurement
import ThreadBenchModel

/// The convoy effect: how long a waiting thread's request takes while another thread computes.
///
/// With N threads, N-1 are I/O threads and the last computes. Every I/O thread runs its
/// share of requests in two phases: first a baseline with the computing thread parked,
/// then the same number again while it spins on the lesson's loop (polling the GIL at every
/// checkpoint) until every I/O thread is done. A request is a 1 ms `nanosleep` with the GIL
/// released, timed from before the call until the thread holds the GIL again, as a Python
/// thread timing its own request would see it. Under `swift-gil` taking the GIL back waits
/// behind the computing thread for up to a switch interval (the convoy effect); under `swift`
/// there is no lock and the latency stays at the sleep.
///
/// A sleep rather than an HTTP request: on a 2-core machine the fixture server's event loop
/// would compete with the computing thread for the cores, adding scheduling delay under
/// `swift` too, so the lock's effect could not be told apart from the machine being busy.
///
/// The figures are the `io_p50_ms`/`io_p99_ms` (computing thread running) and
/// `io_baseline_p50_ms`/`io_baseline_p99_ms` (parked) metrics; with 1 thread there is no
/// computing thread and only the baseline is reported.
///
/// A batch that is stopped or times out is ended by `finishBatch`, which the executor calls
/// on every path: a computing thread still spinning then stops within one chunk of work, and
/// threads waiting for a phase change stop waiting. The computing thread also stops at once
/// when the run is interrupted (`Interruption.signal`, a batch's stop request by default).
public final class ConvoyWorkload: Workload, @unchecked Sendable {
    public let name = "convoy"
    public let kind = WorkloadKind.mixed
    public let defaultTasks: Int
    public let sampleNames = ["io", "io_baseline"]
    /// The wait per request in milliseconds.
    public let requestMs: Double

    private let current = Mutex<ConvoyBatch?>(nil)
    private let computing = ComputingCount()

    /// Computing threads now past the baseline and computing, of any batch.
    var computingThreads: Int { computing.value.load(ordering: .acquiring) }

    /// Creates the workload: 128 requests of 1 ms per batch (64 with `--quick`), half of
    /// them baseline.
    public init(options: SuiteOptions) {
        requestMs = 1
        defaultTasks = options.quick ? 64 : 128
    }

    public func taskWork(under runtime: Runtime) -> TaskWork {
        TaskWork(amount: requestMs, unit: "ms wait per request")
    }

    public var summary: String {
        "mixed: N-1 threads wait \(CSVText.number(requestMs)) ms per request (GIL released) beside 1 computing "
            + "thread; I/O latency with and without it (io_p50_ms vs io_baseline_p50_ms)"
    }

    public var caveat: String? {
        "convoy: its figures are io_p50_ms (computing thread running) against io_baseline_p50_ms (parked) in the "
            + "raw CSV, not its speedup"
    }

    public func prepareBatch(threadCount: Int) throws {
        let batch = ConvoyBatch(threadCount: threadCount)
        current.withLock { $0 = batch }
    }

    public func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker {
        guard let batch = current.withLock({ $0 }) else {
            throw SuiteError(description: "convoy: prepareBatch has not run")
        }
        if batch.hasComputingThread && threadIndex == threadCount - 1 {
            return ComputingWorker(batch: batch, count: computing)
        }
        return RequestWorker(batch: batch, threadIndex: threadIndex, requestNanos: Nanoseconds(requestMs * 1e6))
    }

    /// The I/O threads share the tasks; the computing thread (the last) gets one task of its own.
    public func taskRange(threadIndex: Int, threadCount: Int, totalTasks: Int) -> Range<Int> {
        let ioThreads = threadCount > 1 ? threadCount - 1 : 1
        let range = threadIndex < ioThreads
            ? TaskSplit.range(threadIndex: threadIndex, threadCount: ioThreads, totalTasks: totalTasks)
            : totalTasks..<(totalTasks + 1)
        current.withLock { $0 }?.record(range, threadIndex: threadIndex)
        return range
    }

    /// Ends the batch: after a stop or a timeout its abandoned threads stop computing and waiting.
    public func finishBatch() -> [String: Double] {
        current.withLock { batch in
            batch?.end()
            batch = nil
        }
        return [:]
    }

    /// An I/O thread: its first half of requests is the baseline, the second half runs
    /// beside the computing thread.
    final class RequestWorker: TaskWorker {
        let batch: ConvoyBatch
        let threadIndex: Int
        let requestNanos: Nanoseconds
        private var range: Range<Int>?

        init(batch: ConvoyBatch, threadIndex: Int, requestNanos: Nanoseconds) {
            self.batch = batch
            self.threadIndex = threadIndex
            self.requestNanos = requestNanos
        }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            let range = self.range ?? batch.range(threadIndex: threadIndex)
            self.range = range
            let baselineCount = batch.hasComputingThread ? range.count / 2 : range.count
            let isBaseline = task < range.lowerBound + baselineCount
            if batch.hasComputingThread && task == range.lowerBound + baselineCount {
                context.blocking { batch.finishBaselineAndWaitForComputing() }
            }
            let begin = Clock.nowNanos()
            context.blocking { Clock.sleep(nanos: requestNanos) }
            let latencyMs = Double(Clock.span(begin, Clock.nowNanos())) / 1e6
            if task == range.upperBound - 1 { batch.requestThreadFinished() }
            return TaskOutcome(ops: 1, samplesMs: [isBaseline ? "io_baseline" : "io": latencyMs])
        }
    }

    /// The computing thread: parked during the baseline, then spins until the I/O threads end,
    /// the batch ends or the run is interrupted.
    final class ComputingWorker: TaskWorker {
        let batch: ConvoyBatch
        let count: ComputingCount
        private var sink = 0.0

        init(batch: ConvoyBatch, count: ComputingCount) {
            self.batch = batch
            self.count = count
        }

        func run(task: Int, context: TaskContext) -> TaskOutcome {
            context.blocking { batch.waitForBaseline() }
            batch.computingStarted()
            count.value.add(1, ordering: .releasing)
            defer { count.value.subtract(1, ordering: .releasing) }
            var chunks = 0
            let deadline = Clock.nowNanos() &+ ConvoyBatch.maxComputeNanos
            while !batch.requestsDone && !batch.hasEnded && Interruption.signal == nil
                && Clock.nowNanos() < deadline {
                sink += MathWorkload.compute(start: chunks * 1024, count: 1024, context: context)
                chunks += 1
            }
            return TaskOutcome(ops: chunks * 1024, error: sink.isNaN ? "convoy computation produced NaN" : nil)
        }
    }
}

/// How many computing threads are computing.
final class ComputingCount: Sendable {
    let value = Atomic<Int>(0)
}

/// What the threads of one convoy batch share: their task ranges and the phase changes.
final class ConvoyBatch: @unchecked Sendable {
    /// The computing thread stops after this long even if an I/O thread never finishes
    /// (the batch timeout then reports that thread).
    static let maxComputeNanos: Nanoseconds = 600 * 1_000_000_000

    let threadCount: Int
    /// Whether this batch has a computing thread (2 threads or more).
    let hasComputingThread: Bool
    private let lock = ConditionLock()
    private var ranges: [Int: Range<Int>] = [:]
    private var arrived = 0
    private var computing = false
    private let unfinished = Atomic<Int>(-1)
    private let ended = Atomic<Bool>(false)

    init(threadCount: Int) {
        self.threadCount = threadCount
        hasComputingThread = threadCount > 1
    }

    /// Records thread `threadIndex`'s tasks (on the main thread, before the threads start).
    func record(_ range: Range<Int>, threadIndex: Int) {
        lock.withLock { ranges[threadIndex] = range }
    }

    /// Thread `threadIndex`'s tasks.
    func range(threadIndex: Int) -> Range<Int> {
        lock.withLock { ranges[threadIndex] ?? 0..<0 }
    }

    /// I/O threads with at least one task: those the phases wait for.
    private var activeRequestThreads: Int {
        let ioThreads = hasComputingThread ? threadCount - 1 : threadCount
        return ranges.filter { $0.key < ioThreads && !$0.value.isEmpty }.count
    }

    /// Called by each I/O thread after its baseline: waits until all have finished theirs and
    /// the computing thread runs (GIL released by the caller).
    func finishBaselineAndWaitForComputing() {
        lock.withLock {
            arrived += 1
            lock.broadcast()
            while !computing && !hasEnded { lock.wait() }
        }
    }

    /// Parks the computing thread until every I/O thread finished its baseline.
    func waitForBaseline() {
        lock.withLock {
            while arrived < activeRequestThreads && !hasEnded { lock.wait() }
            unfinished.store(activeRequestThreads, ordering: .releasing)
        }
    }

    /// The computing thread holds the GIL (when there is one) and computes: release the I/O threads.
    func computingStarted() {
        lock.withLock {
            computing = true
            lock.broadcast()
        }
    }

    /// Called by each I/O thread after its last request.
    func requestThreadFinished() {
        unfinished.subtract(1, ordering: .releasing)
    }

    /// Whether every I/O thread finished (polled by the computing thread).
    var requestsDone: Bool { unfinished.load(ordering: .acquiring) == 0 }

    /// Whether the batch ended (`ConvoyWorkload.finishBatch`), stopped or not.
    var hasEnded: Bool { ended.load(ordering: .acquiring) }

    /// Ends the batch: the computing thread stops computing and no thread waits for a phase.
    func end() {
        ended.store(true, ordering: .releasing)
        lock.withLock { lock.broadcast() }
    }
}
