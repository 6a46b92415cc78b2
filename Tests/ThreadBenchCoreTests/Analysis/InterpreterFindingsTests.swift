import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput

/// Several interpreters in one run: the findings speak of each by its name, and whether its
/// threads could compute in parallel comes from the GIL its rows recorded, not from the name.
struct InterpreterFindingsTests {
    static let gilBuild = PythonGILState(freeThreadedBuild: false, enabled: true)
    static let freeThreaded = PythonGILState(freeThreadedBuild: true, enabled: false)
    static let freeThreadedWithItsGIL = PythonGILState(freeThreadedBuild: true, enabled: true)

    /// Five rounds of `math` under `name`, whose 2-thread batches keep `busy` cores busy.
    static func curve(_ name: String, _ gil: PythonGILState, busy: Double) -> [BatchRecord] {
        let wall = 1 / busy
        return ParallelismVerdictTests.rounds(Runtime(rawValue: name), walls: [1: [1, 1, 1, 1, 1], 2: Array(repeating: wall, count: 5)],
                                              busy: [1: [1, 1, 1, 1, 1], 2: [busy, busy * 1.002, busy * 0.998, busy, busy * 1.001]])
            .map { var record = $0; record.pythonGIL = gil; return record }
    }

    @Test func theFindingsCompareAFreeThreadedInterpreterWithAGILOne() throws {
        let rows = Summarizer.summarize(Self.curve("cpython-3.14t", Self.freeThreaded, busy: 1.94)
            + Self.curve("cpython-3.11", Self.gilBuild, busy: 1.0), usableCPUs: 2)
        let free = try #require(rows.first { $0.runtime == "cpython-3.14t" && $0.threads == 2 })
        #expect(free.idealSpeedup == 2 && free.verdict == .helps)
        #expect(rows.first { $0.runtime == "cpython-3.11" && $0.threads == 2 }?.verdict == .serialized)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("threads help under cpython-3.14t (1.94x at 2 threads on 2 cores, 1.94 of 2 CPUs busy)"), "\(line)")
        #expect(line.contains("they ran one at a time under cpython-3.11 (1.00 cores busy at 2 threads"), "\(line)")
        #expect(line.contains("of 2 cores: the GIL)"), "\(line)")
    }

    @Test func aFreeThreadedBuildRunningWithItsGILIsJudgedByTheGIL() throws {
        // The same name a GIL-free run would have: only the recorded state tells them apart.
        let rows = Summarizer.summarize(Self.curve("cpython-3.14t", Self.freeThreadedWithItsGIL, busy: 1.0), usableCPUs: 2)
        let two = try #require(rows.first { $0.threads == 2 })
        #expect(two.idealSpeedup == 1 && !two.isBoundByCPUs)
        let line = Findings(usableCPUs: 2).findings(rows).map(\.text)[0]
        #expect(line.contains("ran one at a time under cpython-3.14t") && line.contains(": the GIL)"), "\(line)")
    }

    @Test func aFreeThreadedBuildOnOneCPUBlamesTheCPUNotTheGIL() throws {
        let rows = Summarizer.summarize(Self.curve("cpython-3.14t", Self.freeThreaded, busy: 1.0), usableCPUs: 1)
        let line = Findings(usableCPUs: 1, cpuLimit: .affinityMask).findings(rows).map(\.text)[0]
        #expect(line.contains(": 1 usable CPU)"), "\(line)")
    }

    @Test func theEmulatedGILIsHeldAgainstAnInterpreterWithAGIL() {
        let rows = Summarizer.summarize(Self.curve("cpython-3.14t", Self.freeThreaded, busy: 1.94)
            + Self.curve("cpython-3.11", Self.gilBuild, busy: 1.0)
            + Self.curve("swift-gil", Self.gilBuild, busy: 1.0).map { var r = $0; r.pythonGIL = nil; return r },
                                        usableCPUs: 2)
        let line = RuntimeComparison.findings(rows).map(\.text).first ?? ""
        #expect(line.contains("cpython-3.11 1.00x") && !line.contains("cpython-3.14t"), "\(line)")
        let onlyFree = Summarizer.summarize(Self.curve("cpython-3.14t", Self.freeThreaded, busy: 1.94), usableCPUs: 2)
        #expect(RuntimeComparison.findings(onlyFree).isEmpty, "no GIL to hold the emulation against")
    }
}
