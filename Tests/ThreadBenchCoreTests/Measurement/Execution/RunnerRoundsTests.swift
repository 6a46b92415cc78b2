import Synchronization
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
import ThreadBenchStatistics

/// A workload that never runs on threads: the fake executor below answers for it.
final class PaperWorkload: Workload {
    let name: String
    let kind: WorkloadKind
    let summary = "test: measured by a fake executor"
    let defaultTasks = 64
    /// A workload named `name`; one named "mixed..." is of the mixed kind, as `convoy` is.
    init(_ name: String) {
        self.name = name
        kind = name.hasPrefix("mixed") ? .mixed : .cpu
    }
    func taskWork(under runtime: Runtime) -> TaskWork {
        TaskWork(amount: runtime.isCPython ? 10 : 700, unit: "iterations")
    }
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker { Worker() }
    final class Worker: TaskWorker {
        func run(task: Int, context: TaskContext) -> TaskOutcome { TaskOutcome(ops: 1) }
    }
}

/// A fake machine and its clock: a batch costs 1 s / speedup (2 at 2 threads or more) times a
/// slow drift (up to +`drift`, then back), which moves the clock on; its reported wall is that
/// times a noise within ±`noise["workload@threads"]`, or else ±`noise[workload]`.
final class FakeBatchMachine: BatchExecuting, Sendable {
    let noise: [String: Double]
    let drift: Double
    private let state = Mutex((now: 0.0, batches: 0, rng: SplitMix64(seed: 11)))

    init(noise: [String: Double], drift: Double = 0) {
        self.noise = noise
        self.drift = drift
    }

    /// The fake time, in seconds since the machine was made.
    var now: Seconds { state.withLock { $0.now } }

    func execute(_ spec: BatchSpec) throws -> BatchRecord {
        var record = BatchRecord(workload: spec.workload.name, kind: spec.workload.kind, runtime: spec.runtime,
                                 runtimeVersion: "fake", switchIntervalMs: spec.switchIntervalMs,
                                 scaling: spec.scaling, threads: spec.threads, tasks: spec.tasks,
                                 repetition: spec.repetition)
        let amplitude = noise["\(spec.workload.name)@\(spec.threads)"] ?? noise[spec.workload.name, default: 0]
        record.wallSeconds = state.withLock { state in
            let u = 2 * Double(state.rng.next() >> 11) / 9_007_199_254_740_992 - 1
            let cost = (1 + drift * Double(state.batches % 40) / 40) / Double(min(spec.threads, 2))
            state.batches += 1
            state.now += cost
            return cost * (1 + amplitude * u)
        }
        return record
    }
}

@Suite struct RunnerRoundsTests {
    /// Runs `workloads` under `runtimes` on the fake machine, at 1, 2 and 4 threads.
    static func run(_ workloads: [String], runtimes: [Runtime] = [.swift], repetitions: Int? = nil,
                    budget: Seconds = .infinity, noise: [String: Double], drift: Double = 0) throws
        -> (records: [BatchRecord], machine: FakeBatchMachine, schedule: RoundSchedule<CurveKey>) {
        let plan = RunPlan(workloads: workloads.map(PaperWorkload.init), runtimes: runtimes, threadCounts: [2, 4],
                           repetitions: repetitions, warmup: 1, tasks: nil, scaling: .strong, switchIntervalMs: 5,
                           batchTimeoutSeconds: 60, precision: 0.03, budgetSeconds: budget)
        let machine = FakeBatchMachine(noise: noise, drift: drift)
        let executors = Dictionary(uniqueKeysWithValues: runtimes.map { ($0, machine as any BatchExecuting) })
        var records: [BatchRecord] = []
        let schedule = try Runner(plan: plan, executors: executors, clock: { machine.now }).run { records.append($0) }
        return (records, machine, schedule)
    }

    @Test func aRoundRunsEveryThreadCountAndItsRepetitionsPair() throws {
        let (records, _, _) = try Self.run(["a"], repetitions: 3, noise: [:], drift: 0.3)
        #expect(records.map(\.threads) == [1, 2, 4, 1, 2, 4, 1, 2, 4])
        #expect(records.map(\.repetition) == [1, 1, 1, 2, 2, 2, 3, 3, 3])
        // The drift grows from batch to batch; paired by round it cancels out of the speedup.
        let row = try #require(Summarizer.summarize(records, usableCPUs: 2).first { $0.threads == 2 })
        #expect(row.rounds == 3)
        #expect(abs(row.speedup - 2) < 0.1)
    }

    @Test func aCentredRoundRunsItsBaselineInTheMiddle() throws {
        var plan = RunPlan(workloads: [PaperWorkload("a")], runtimes: [.swift], threadCounts: [2, 4], repetitions: 2,
                           warmup: 0, tasks: nil, scaling: .strong, switchIntervalMs: 5, batchTimeoutSeconds: 60)
        plan.roundOrder = .centred
        let machine = FakeBatchMachine(noise: [:])
        var records: [BatchRecord] = []
        try Runner(plan: plan, executors: [.swift: machine], clock: { machine.now }).run { records.append($0) }
        #expect(records.map(\.threads) == [2, 1, 4, 2, 1, 4])
        #expect(records.map(\.repetition) == [1, 1, 1, 2, 2, 2])
    }

    @Test func aTightCellStopsAtTheMinimumAndANoisyOneGetsMoreRounds() throws {
        let (records, _, schedule) = try Self.run(["tight", "noisy"], budget: 60,
                                                  noise: ["tight": 0.001, "noisy": 0.1])
        let tight = CurveKey(workload: "tight", runtime: .swift, scaling: .strong)
        let noisy = CurveKey(workload: "noisy", runtime: .swift, scaling: .strong)
        #expect(schedule.roundsRun(of: tight) == 8, "3 pilot rounds and 5 measured")
        #expect(schedule.roundsRun(of: noisy) > 8)
        #expect(records.filter { $0.workload == "noisy" && $0.threads == 1 }.count == schedule.roundsRun(of: noisy))
        let summary = Summarizer.summarize(records, usableCPUs: 2)
        #expect(summary.filter { $0.workload == "tight" && $0.threads > 1 }.allSatisfy { $0.precisionMet == true })
        #expect(summary.filter { $0.workload == "noisy" }.allSatisfy { $0.rounds == schedule.roundsRun(of: noisy) - 3 })
        #expect(summary.allSatisfy { $0.pilotRounds == 3 })
    }

    @Test func pastTheMinimumOnlyTheCellsShortOfThePrecisionRunWithTheirBaseline() throws {
        let (records, _, schedule) = try Self.run(["partial"], budget: 60, noise: ["partial": 0.001, "partial@4": 0.1])
        let curve = CurveKey(workload: "partial", runtime: .swift, scaling: .strong)
        let count = { (threads: Int) in records.filter { $0.threads == threads }.count }
        #expect(count(2) == 8)
        #expect(count(4) > 8)
        #expect(count(1) == count(4) && count(1) == schedule.roundsRun(of: curve))
        // Every 4-thread batch has its 1-thread partner in the same round.
        #expect(Set(records.filter { $0.threads == 4 }.map(\.repetition))
                == Set(records.filter { $0.threads == 1 }.map(\.repetition)))
        let summary = Summarizer.summarize(records, usableCPUs: 2)
        #expect(summary.first { $0.threads == 2 }?.rounds == 5)
        #expect(summary.first { $0.threads == 4 }?.rounds == count(4) - 3)
        #expect(records.filter(\.isPilot).map(\.repetition).allSatisfy { $0 <= 3 })
    }

    @Test func aMixedWorkloadRunsTheMinimumRoundsOnly() throws {
        let (records, _, _) = try Self.run(["mixedload", "a"], budget: 120, noise: ["mixedload": 0.5, "a": 0.1])
        #expect(records.filter { $0.workload == "mixedload" }.count == 8 * 3)
        #expect(records.filter { $0.workload == "a" && $0.threads == 1 }.count > 8)
    }

    @Test func nothingExceedsTheBudget() throws {
        // Three curves that never meet ±3%; a round costs 2 fake seconds, so the minimum with
        // warm-up is 36.
        let (records, machine, schedule) = try Self.run(["a", "b", "c"], budget: 60,
                                                        noise: ["a": 0.5, "b": 0.5, "c": 0.5])
        #expect(machine.now <= 60)
        #expect(machine.now > 50, "the slack went to extra rounds")
        for curve in schedule.curves { #expect(schedule.roundsRun(of: curve) >= 5) }
        #expect(Set(records.map(\.precisionTarget)) == [0.03])
    }

    @Test func aFixedCountIgnoresTheBudget() throws {
        let (records, machine, _) = try Self.run(["a"], repetitions: 6, budget: 1, noise: ["a": 0.5])
        #expect(records.count == 6 * 3)
        #expect(machine.now > 1)
    }

    @Test func everyRowRecordsItsRuntimesWork() throws {
        let (records, _, _) = try Self.run(["a"], runtimes: [.swift, .cpython], repetitions: 1, noise: [:])
        #expect(records.count == 6)
        for record in records {
            #expect(record.taskWork == TaskWork(amount: record.runtime == .cpython ? 10 : 700, unit: "iterations"))
        }
    }

    @Test func theProgressLineGetsTheTimeAndAnEstimate() throws {
        let plan = RunPlan(workloads: [PaperWorkload("a")], runtimes: [.swift], threadCounts: [2], repetitions: nil,
                           warmup: 0, tasks: nil, scaling: .strong, switchIntervalMs: 5, batchTimeoutSeconds: 60,
                           budgetSeconds: 100)
        let machine = FakeBatchMachine(noise: [:])
        var seen: [RunProgress] = []
        try Runner(plan: plan, executors: [.swift: machine], clock: { machine.now })
            .run(progress: { seen.append($0) }) { _ in }
        #expect(seen.count == 16, "3 pilot and 5 measured rounds of 2 batches")
        #expect(seen.first?.estimatedSecondsLeft == nil, "nothing measured yet")
        #expect(seen[2].repetition == 2 && seen[2].elapsedSeconds > 1)
        #expect((seen[2].estimatedSecondsLeft ?? 0) > 0)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.elapsedSeconds <= $1.elapsedSeconds })
    }
}
