import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStatistics

/// Verdicts that rest on parallelism: computation whose threads ran one at a time is
/// `serialized` whatever its wall-time ratio did, and every sentence cites the figure behind it.
@Suite struct ParallelismVerdictTests {
    /// Rounds of one curve: per round, each thread count's wall and cores busy.
    static func rounds(_ runtime: Runtime, kind: WorkloadKind = .cpu, walls: [Int: [Double]],
                       busy: [Int: [Double]], pilot: Int = 0) -> [BatchRecord] {
        walls.keys.sorted().flatMap { threads in
            walls[threads]!.enumerated().map { index, wall in
                var r = BatchRecord(workload: "math", kind: kind, runtime: runtime, runtimeVersion: "x",
                                    switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8,
                                    repetition: index + 1)
                r.wallSeconds = wall
                r.threadCPUSeconds = wall * busy[threads]![index]
                r.isPilot = index < pilot
                r.precisionTarget = 0.03
                return r
            }
        }
    }

    /// Walls that swing by ±25% from round to round, as CPython's do on a drifting VM.
    static let swinging = [1.0, 1.25, 0.8, 1.2, 0.85, 1.1]

    @Test func aGILsComputationIsSerializedWhateverTheWallsDid() throws {
        let records = Self.rounds(.swiftGIL, walls: [1: [1, 1, 1, 1, 1, 1], 2: Self.swinging],
                                  busy: [1: [1, 1, 1, 1, 1, 1], 2: [1.002, 0.998, 1.001, 1.0, 0.999, 1.003]])
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        let two = try #require(rows.first { $0.threads == 2 })
        #expect(Verdict.classify(ciLow: two.speedupCI95Low, ciHigh: two.speedupCI95High) == .inconclusive)
        #expect(two.verdict == .serialized)
        let parallelism = try #require(two.parallelism)
        #expect(parallelism.high <= 1.05 && parallelism.low >= 0.99)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("ran one at a time under swift-gil"), "\(line)")
        #expect(line.contains(": the GIL), so they cannot speed up computation"), "\(line)")
        #expect(line.contains("moved with the CPU time the work took"), "\(line)")
        #expect(line.contains(String(format: "%.2f cores busy at 2 threads", parallelism.estimate)), "\(line)")
    }

    @Test func oneUsableCPUSerializesThreadsWithoutAGIL() throws {
        let records = Self.rounds(.swift, walls: [1: [1, 1, 1, 1, 1], 2: [1.01, 0.99, 1.0, 1.02, 0.98]],
                                  busy: [1: [1, 1, 1, 1, 1], 2: [1, 1, 1, 1, 1]])
        let rows = Summarizer.summarize(records, usableCPUs: 1)
        #expect(rows[1].verdict == .serialized)
        let line = Findings(usableCPUs: 1, cpuLimit: .affinityMask).findings(rows).map(\.text)[0]
        #expect(line.contains(": 1 usable CPU)"), "\(line)")
    }

    @Test func threadsThatUsedTheCoresSayHowMany() throws {
        let records = Self.rounds(.swift, walls: [1: [1, 1, 1, 1, 1], 2: [0.51, 0.52, 0.5, 0.51, 0.52]],
                                  busy: [1: [1, 1, 1, 1, 1], 2: [1.95, 1.93, 1.96, 1.94, 1.95]])
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        #expect(rows[1].verdict == .helps)
        #expect(abs((rows[1].parallelism?.estimate ?? 0) - 1.946) < 0.01)
        let efficiency = try #require(rows[1].cpuEfficiency)
        #expect(abs(efficiency.estimate - rows[1].speedup / rows[1].parallelism!.estimate) < 1e-9)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("threads help under swift"), "\(line)")
        #expect(line.contains("1.95 of 2 CPUs busy"), "\(line)")
    }

    @Test func aDecisiveSlowdownStaysSerializedAndSaysBoth() throws {
        let records = Self.rounds(.cpython, walls: [1: [1, 1, 1, 1, 1], 2: [1.5, 1.52, 1.49, 1.51, 1.5]],
                                  busy: [1: [1, 1, 1, 1, 1], 2: [1, 1, 1, 1, 1]])
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        #expect(rows[1].verdict == .serialized)
        #expect(rows[1].notes.contains(.slowerByWallTime))
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("ran one at a time under cpython") && line.contains("they cost time"), "\(line)")
    }

    @Test func waitingKeepsItsSpeedupVerdict() throws {
        let records = Self.rounds(.cpython, kind: .io, walls: [1: [1, 1, 1, 1, 1], 2: [0.5, 0.5, 0.51, 0.5, 0.49]],
                                  busy: [1: [0.01, 0.01, 0.01, 0.01, 0.01], 2: [0.02, 0.02, 0.02, 0.02, 0.02]])
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        #expect(rows[1].verdict == .helps)
    }

    @Test func pilotRoundsPlanButMeasureNothing() throws {
        // Three wild pilot rounds, then five calm measured ones: the figures are the calm ones',
        // and the precision is judged on the pilot's spread (too wide for ±3% at 5 rounds).
        let records = Self.rounds(.swift, kind: .io, walls: [1: [1, 1, 1, 1, 1, 1, 1, 1],
                                                             2: [0.3, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]],
                                  busy: [1: Array(repeating: 0.01, count: 8), 2: Array(repeating: 0.02, count: 8)],
                                  pilot: 3)
        let rows = Summarizer.summarize(records, usableCPUs: 2)
        #expect(rows[1].rounds == 5 && rows[1].pilotRounds == 3 && rows[1].repetitions == 5)
        #expect(abs(rows[1].speedup - 2) < 1e-9)
        #expect(rows[1].precisionMet == false)
        let calm = Summarizer.summarize(records.map { var r = $0; if r.isPilot { r.wallSeconds = r.threads == 1 ? 1 : 0.5 }
                                                      return r }, usableCPUs: 2)
        #expect(calm[1].precisionMet == true)
        #expect(Summarizer.summarize(records.map { var r = $0; r.isPilot = false; return r }, usableCPUs: 2)[1].precisionMet == nil)
    }
}
