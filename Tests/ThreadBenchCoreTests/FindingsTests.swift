import Testing
@testable import ThreadBenchCore

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
            logicalCPUs: 2)
        let lines = Findings(logicalCPUs: 2).sentences(rows)
        #expect(lines[0].hasPrefix("math: threads help without a GIL (1.96x at 2 threads on 2 cores)"), "\(lines)")
        #expect(lines[0].contains("under the GIL they do not (0.98x at 2 threads)"), "\(lines)")
        #expect(lines.last?.contains("2 logical CPUs") == true)
    }

    @Test func mixedWorkloadReportsAddedLatencyNotSpeedup() {
        let rows = Summarizer.summarize(
            Self.records("convoy", .mixed, "swift-gil", [1: 1, 4: 1], metrics: ["io_p50_ms": 6.3, "io_baseline_p50_ms": 1.1])
                + Self.records("convoy", .mixed, "swift", [1: 1, 4: 1], metrics: ["io_p50_ms": 1.1, "io_baseline_p50_ms": 1.12]),
            logicalCPUs: 2)
        let line = Findings(logicalCPUs: 2).sentences(rows)[0]
        #expect(line.contains("under swift-gil a computing thread adds 5.2 ms to each request's p50"), "\(line)")
        #expect(line.contains("under swift a computing thread adds nothing measurable"), "\(line)")
        #expect(!line.contains("speedup") && !line.contains("x at"))
    }
}

@Suite struct FindingsUncertaintyTests {
    @Test func aGainWhoseIntervalReachesOneIsReportedAsUncertain() {
        // Two noisy repetitions: the median speedup is 1.5x, but the interval reaches below 1.
        let records = FindingsTests.records("math", .cpu, "swift", [1: 1.0]) + [0.4, 1.1, 0.5].enumerated().map { rep, wall in
            var r = BatchRecord(workload: "math", kind: .cpu, runtime: "swift", runtimeVersion: "swift-6.3",
                                switchIntervalMs: 5, scaling: .strong, threads: 2, tasks: 8, repetition: rep + 1)
            r.wallSeconds = wall
            return r
        }
        let rows = Summarizer.summarize(records, logicalCPUs: 2)
        #expect(rows[1].verdict == .noGain)
        let line = Findings(logicalCPUs: 2).sentences(rows)[0]
        #expect(line.hasPrefix("math: threads may help without a GIL (2.00x at 2 threads on 2 cores, but its 95% interval"), "\(line)")
    }
}
