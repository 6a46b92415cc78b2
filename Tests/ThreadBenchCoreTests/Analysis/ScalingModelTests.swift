import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

@Suite struct ScalingModelTests {
    static let threads = [1, 2, 4, 8, 16, 32, 64]

    @Test func amdahlRecoversASerialFractionOfOneTenth() throws {
        let points = Self.threads.map { ScalingPoint(threads: $0, speedup: AmdahlFit.speedup(at: Double($0), serialFraction: 0.1)) }
        let fit = try #require(AmdahlFit.fit(points))
        #expect(abs(fit.serialFraction - 0.1) < 0.01)
        #expect(abs(fit.serialFraction - 0.1) < 1e-6)  // noiseless data: essentially exact
        #expect(abs(fit.ceiling - 10) < 1e-3)
        #expect((fit.rSquared ?? 0) > 0.999_999)
    }

    @Test func uslRecoversContentionAndCoherency() throws {
        let points = Self.threads.map {
            ScalingPoint(threads: $0, speedup: USLFit.speedup(at: Double($0), sigma: 0.05, kappa: 0.001))
        }
        let fit = try #require(USLFit.fit(points))
        #expect(abs(fit.sigma - 0.05) < 0.01)
        #expect(abs(fit.kappa - 0.001) < 0.01)
        #expect(abs(fit.sigma - 0.05) < 1e-6 && abs(fit.kappa - 0.001) < 1e-7)
        // Peak at sqrt((1 - 0.05) / 0.001) = 30.82 threads.
        let peak = try #require(fit.peakThreads)
        #expect(abs(peak - 30.822) < 0.01)
        #expect(fit.rSquared > 0.999_999)
        #expect(fit.residualDegreesOfFreedom == 4)
    }

    @Test func uslRecoversParametersThroughNoise() throws {
        // Deterministic +-2% wobble around the USL curve: the fit must still land within 0.01.
        let wobble = [1.0, 1.02, 0.98, 1.015, 0.985, 1.01, 0.99]
        let points = zip(Self.threads, wobble).map { n, w in
            ScalingPoint(threads: n, speedup: w * USLFit.speedup(at: Double(n), sigma: 0.05, kappa: 0.001))
        }
        let fit = try #require(USLFit.fit(points))
        #expect(abs(fit.sigma - 0.05) < 0.01)
        #expect(abs(fit.kappa - 0.001) < 0.01)
        let amdahl = try #require(AmdahlFit.fit(zip(Self.threads, wobble).map { n, w in
            ScalingPoint(threads: n, speedup: w * AmdahlFit.speedup(at: Double(n), serialFraction: 0.1))
        }))
        #expect(abs(amdahl.serialFraction - 0.1) < 0.01)
    }

    @Test func perfectScalingHasNoCeiling() throws {
        let points = Self.threads.map { ScalingPoint(threads: $0, speedup: Double($0)) }
        let usl = try #require(USLFit.fit(points))
        #expect(usl.sigma < 1e-9 && usl.kappa < 1e-9)
        #expect(usl.peakThreads == nil)
        #expect(usl.ceiling == .infinity)
        let amdahl = try #require(AmdahlFit.fit(points))
        #expect(amdahl.serialFraction < 1e-9)
    }

    @Test func flatCurveIsAllSerial() throws {
        let points = [1, 2, 4, 8].map { ScalingPoint(threads: $0, speedup: 1) }
        let amdahl = try #require(AmdahlFit.fit(points))
        #expect(abs(amdahl.serialFraction - 1) < 1e-6)
        #expect(abs(amdahl.ceiling - 1) < 1e-6)
    }

    @Test func tooFewPointsGiveNoFit() {
        #expect(AmdahlFit.fit([ScalingPoint(threads: 1, speedup: 1)]) == nil)
        #expect(USLFit.fit([ScalingPoint(threads: 1, speedup: 1), ScalingPoint(threads: 2, speedup: 1.9)]) == nil)
        #expect(AmdahlFit.fit([ScalingPoint(threads: 1, speedup: 1), ScalingPoint(threads: 2, speedup: 0)]) == nil)
    }

    static func rows(_ workload: String, _ kind: WorkloadKind, _ runtime: String, _ curve: [(Int, Double)]) -> [SummaryRow] {
        var records: [BatchRecord] = []
        for (threads, speedup) in curve {
            for rep in 1...3 {
                var r = BatchRecord(workload: workload, kind: kind, runtime: Runtime(rawValue: runtime), runtimeVersion: "swift-6.3",
                                    switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 64, repetition: rep)
                r.wallSeconds = 1 / speedup
                records.append(r)
            }
        }
        return Summarizer.summarize(records, usableCPUs: 2)
    }

    @Test func sentencesNameTheCeilingOrItsAbsence() throws {
        let sleep = Self.rows("sleep", .io, "swift", [(1, 1), (2, 2), (4, 4), (8, 8), (16, 16), (32, 32), (64, 63.5)])
        let gil = Self.rows("math", .cpu, "swift-gil", [(1, 1), (2, 1.005), (4, 1.0), (8, 1.01)])
        let models = ScalingModel.fits(sleep + gil)
        #expect(models.count == 2)
        #expect(models[0].sentence.hasPrefix("sleep under swift: no sign of a ceiling up to 64 threads"))
        #expect(models[1].sentence.hasPrefix("math under swift-gil: serial fraction 0.99, ceiling 1.0x")
            || models[1].sentence.hasPrefix("math under swift-gil: serial fraction 1.00, ceiling 1.0x"),
            "\(models[1].sentence)")
        let single = ScalingModel.fits(Self.rows("x", .cpu, "swift", [(1, 1)]))
        #expect(single[0].sentence.contains("too few"))
    }

    @Test func modelCSVHasOneRowPerWorkloadAndRuntime() throws {
        let rows = Self.rows("sleep", .io, "swift", [(1, 1), (2, 2), (4, 3.9)])
            + Self.rows("math", .cpu, "swift", [(1, 1), (2, 1.9), (4, 1.95)])
        let metadata = RunMetadata(hostLabel: "t", machine: MachineInfo.current(), spawnJoinFloorMicros: 40)
        let text = String(decoding: try CSVReporter(metadata: metadata).model(ScalingModel.fits(rows), complete: true),
                          as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == Substring(CSVSchema.modelColumns.joined(separator: ",")))
    }
}
