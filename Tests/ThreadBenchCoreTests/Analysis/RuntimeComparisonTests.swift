import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput

/// The line that holds the emulated GIL against CPython, and CPython's ideal speedup.
struct RuntimeComparisonTests {
    /// Records whose wall times give `speedups` (at 2, 4 threads) for `runtime`.
    static func records(_ runtime: String, kind: WorkloadKind = .cpu, _ speedups: [Int: Double]) -> [BatchRecord] {
        ([1: 1.0].merging(speedups) { $1 }).sorted { $0.key < $1.key }.map { threads, speedup in
            var record = BatchRecord(workload: "math", kind: kind, runtime: Runtime(rawValue: runtime), runtimeVersion: "x",
                                     switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8, repetition: 1)
            record.wallSeconds = 1 / speedup
            return record
        }
    }

    @Test func comparesAtTheLargestCommonThreadCountAndSaysHowClose() {
        let rows = Summarizer.summarize(
            Self.records("swift", [2: 1.9, 4: 1.95]) + Self.records("swift-gil", [2: 0.97, 4: 0.95])
                + Self.records("cpython", [2: 1.0]), usableCPUs: 2)
        let lines = RuntimeComparison.findings(rows).map(\.text)
        #expect(lines == ["math at 2 threads: swift 1.90x, swift-gil 0.97x, cpython 1.00x; "
            + "the emulated GIL came within 0.03 of CPython's speedup"])
    }

    @Test func saysWhenTheEmulatedGILIsFarFromCPython() {
        let rows = Summarizer.summarize(Self.records("swift-gil", [2: 1.5]) + Self.records("cpython", [2: 1.0]),
                                        usableCPUs: 2)
        #expect(RuntimeComparison.findings(rows).map(\.text).first?.hasSuffix("speedup is 0.50 above CPython's") == true)
    }

    @Test func saysNothingWithoutCPythonRows() {
        let rows = Summarizer.summarize(Self.records("swift", [2: 1.9]), usableCPUs: 2)
        #expect(RuntimeComparison.findings(rows).map(\.text).isEmpty)
    }

    @Test func cpythonComputesLikeTheEmulatedGILUnlessFreeThreaded() {
        let rows = Summarizer.summarize(Self.records("cpython", [4: 1]) + Self.records("cpython-nogil", [4: 1.8])
            + Self.records("cpython", kind: .io, [4: 3.9]).map { var r = $0; r.workload = "sleep"; return r },
                                        usableCPUs: 2)
        #expect(rows.first { $0.runtime == "cpython" && $0.threads == 4 && $0.workload == "math" }?.idealSpeedup == 1)
        #expect(rows.first { $0.runtime == "cpython-nogil" && $0.threads == 4 }?.idealSpeedup == 2)
        #expect(rows.first { $0.workload == "sleep" && $0.threads == 4 }?.idealSpeedup == 4)
    }
}
