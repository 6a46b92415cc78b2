import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput

@Suite struct FindingsTests {
    static func records(_ workload: String, _ kind: WorkloadKind, _ runtime: String,
                        _ walls: [Int: Double], metrics: [String: Double] = [:]) -> [BatchRecord] {
        walls.sorted { $0.key < $1.key }.flatMap { threads, wall in
            (1...3).map { rep in
                var r = BatchRecord(workload: workload, kind: kind, runtime: Runtime(rawValue: runtime), runtimeVersion: "swift-6.3",
                                    switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8, repetition: rep)
                r.wallSeconds = wall
                r.metrics = metrics
                return r
            }
        }
    }

    @Test func saysThreadsHelpWithoutTheLockAndNotUnderIt() {
        let rows = Summarizer.summarize(
            Self.records("math", .cpu, "swift", [1: 1.0, 2: 0.51]) + Self.records("math", .cpu, "swift-gil", [1: 1.0, 2: 1.02]),
            usableCPUs: 2)
        let lines = Findings(usableCPUs: 2).findings(rows).map(\.text)
        #expect(lines[0] == "math: threads help under swift (1.96x at 2 threads on 2 cores); they make no difference "
            + "under swift-gil (0.98x at 2 threads)", "\(lines)")
        #expect(lines.last?.contains("2 logical CPUs") == true)
    }

    @Test func speaksOfWhicheverRuntimesRan() {
        // --runtimes cpython --threads 1,2,4: three thread counts, none of them swift's.
        let rows = Summarizer.summarize(Self.records("math", .cpu, "cpython", [1: 1.0, 2: 1.01, 4: 1.02]), usableCPUs: 2)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line == "math: threads make no difference under cpython (0.99x at 2 threads)", "\(line)")
    }

    @Test func aLimitedRunNamesItsUsableCPUsAndNotTheMachinesCores() {
        let rows = Summarizer.summarize(Self.records("math", .cpu, "swift", [1: 1.0, 2: 1.0, 4: 1.0]), usableCPUs: 1)
        let lines = Findings(usableCPUs: 1, cpuLimit: .affinityMask).findings(rows).map(\.text)
        #expect(lines[0] == "math: threads make no difference under swift (1.00x at 2 threads on 1 usable CPU "
            + "(affinity mask))", "\(lines)")
        #expect(lines[1] == "note: this run could use 1 CPU (affinity mask), so computation cannot run more than 1x "
            + "faster on threads, whatever the thread count.")
    }

    @Test func mixedWorkloadReportsAddedLatencyNotSpeedup() {
        let rows = Summarizer.summarize(
            Self.records("convoy", .mixed, "swift-gil", [1: 1, 4: 1], metrics: ["io_p50_ms": 6.3, "io_baseline_p50_ms": 1.1])
                + Self.records("convoy", .mixed, "swift", [1: 1, 4: 1], metrics: ["io_p50_ms": 1.1, "io_baseline_p50_ms": 1.12]),
            usableCPUs: 2)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("under swift-gil a computing thread adds 5.2 ms to each request's p50"), "\(line)")
        #expect(line.contains("; swift +nothing measurable (1.10 against 1.12 ms, 4 threads)"), "\(line)")
        #expect(!line.contains("speedup") && !line.contains("x at"))
    }
}

@Suite struct FindingsUncertaintyTests {
    @Test func anInconclusiveIntervalBelowOneSaysItMayHurt() {
        // Five rounds, every 2-thread batch 2-7% slower than its round's 1-thread batch: the
        // interval lies below 1x but reaches above 0.95, so the verdict is inconclusive.
        let base = HonestSummaryTests.records(1, HonestSummaryTests.five)
        let slower = HonestSummaryTests.five.enumerated().map { $1 * [1.02, 1.05, 1.07, 1.03, 1.04][$0] }
        let rows = Summarizer.summarize(base + HonestSummaryTests.records(2, slower), usableCPUs: 2)
        #expect(rows[1].verdict == .inconclusive && rows[1].speedupCI95High < 1, "\(rows[1])")
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.hasPrefix("math: threads may hurt or make no difference under swift"), "\(line)")
    }

    @Test func aGainWhoseIntervalReachesAcrossABoundIsInconclusive() {
        // Five noisy repetitions: the median speedup is 2x, but the interval reaches below 1.05.
        let base = HonestSummaryTests.records(1, HonestSummaryTests.five)
        let rows = Summarizer.summarize(base + HonestSummaryTests.records(2, [0.4, 1.1, 0.5, 1.05, 0.45]), usableCPUs: 2)
        #expect(rows[1].verdict == .inconclusive)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        let paired = String(format: "%.2fx", rows[1].speedup)
        #expect(line.hasPrefix("math: threads may or may not help under swift (\(paired) at 2 threads on 2 cores, but its "
            + "95% interval"), "\(line)")
        #expect(line.contains("reaches across 0.95 or 1.05"))
    }

    @Test func threeRoundsThatOverlapAreInconclusive() {
        let records = FindingsTests.records("math", .cpu, "swift", [1: 1.0]) + HonestSummaryTests.records(2, [0.4, 1.1, 0.5])
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        #expect(rows[1].verdict == .inconclusive)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.hasPrefix("math: threads may or may not help under swift ("), "\(line)")
        #expect(line.contains("reaches across 0.95 or 1.05"), "\(line)")
    }
}
