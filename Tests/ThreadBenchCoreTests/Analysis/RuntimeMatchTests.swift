import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel

/// `compare --match-runtime BASELINE=OTHER`: two runtimes' rows compared on purpose.
struct RuntimeMatchTests {
    @Test func aMatchIsTwoDifferentNames() throws {
        let match = try RuntimeMatch(parsing: "cpython-3.11 = cpython-3.14t")
        #expect(match == RuntimeMatch(baseline: .cpythonInterpreter("3.11"), other: .cpythonInterpreter("3.14t")))
        for bad in ["cpython", "a=b=c", "=swift", "swift=", "swift=swift", ""] {
            #expect(throws: ComparisonError.badRuntimeMatch(bad)) { try RuntimeMatch(parsing: bad) }
        }
    }

    @Test func theBaselinesRowsOfOneRuntimeMeetTheOtherRunsRowsOfAnother() throws {
        let run = try Fixture.run("machine-a.csv")
        let match = RuntimeMatch(baseline: .swift, other: .swiftGIL)
        let report = try ComparisonReport(runs: [run, run], matching: [match])
        #expect(Set(report.rows.map(\.key.runtime)) == [.swift], "swift-gil's rows stand under swift's name")
        let math2 = try #require(report.rows.first { $0.key.workload == "math" && $0.key.threads == 2 })
        let swiftWalls = run.records.filter { $0.runtime == .swift && $0.workload == "math" && $0.threads == 2 && !$0.failed }
        let gilWalls = run.records.filter { $0.runtime == .swiftGIL && $0.workload == "math" && $0.threads == 2 && !$0.failed }
        #expect(math2.baselineWalls == swiftWalls.map(\.wallSeconds))
        #expect(math2.otherWalls == gilWalls.map(\.wallSeconds))
        #expect(math2.verdict == .slower, "the emulated GIL's 2 threads take about twice swift's wall")
        #expect(report.warnings.first == .runtimeMatched(baseline: .swift, baselineLabel: run.label, other: .swiftGIL,
                                                         otherLabel: run.label), "\(report.warnings)")
        let unmatched = try ComparisonReport(runs: [run, run])
        #expect(unmatched.rows.allSatisfy { $0.verdict != .slower }, "without the match, each runtime meets itself")
    }

    @Test func aRuntimeARunLacksIsRefusedNamingWhatItHas() throws {
        let run = try Fixture.run("machine-a.csv")
        #expect {
            _ = try ComparisonReport(runs: [run, run], matching: [try RuntimeMatch(parsing: "cpython-3.11=swift")])
        } throws: { error in
            "\(error)".contains("has no cpython-3.11 rows (it has swift, swift-gil)")
        }
    }
}
