import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput

/// The fits' rules: R^2 without the 1-thread point, residual degrees of freedom, fits within
/// the usable CPUs for computation, Gustafson under weak scaling, no peak for a negligible kappa.
/// Reference values from SciPy 1.17.1 (scipy.optimize.minimize_scalar, bounded, xatol 1e-14;
/// scipy.optimize.curve_fit) and numpy, or worked out by hand as noted.
@Suite struct FitRulesTests {
    @Test func rSquaredLeavesOutTheOneThreadPoint() {
        // Model S = N on (2, 2), (4, 3), (8, 5): mean 10/3, SS_total 14/3, SS_residual 0 + 1 + 9 = 10,
        // R^2 = 1 - 10 / (14/3) = -8/7. With (1, 1) counted it would be 1 - 10/8.75 = -1/7.
        let points = [(1, 1.0), (2, 2.0), (4, 3.0), (8, 5.0)].map { ScalingPoint(threads: $0.0, speedup: $0.1) }
        let judged = ScalingPoint.judge(points, parameters: 1) { $0 }
        #expect(abs((judged.rSquared ?? 0) - (-8.0 / 7)) < 1e-12)
        #expect(judged.degreesOfFreedom == 2)
    }

    @Test func amdahlOnOneAndTwoThreadsIsExactWithNoRSquared() throws {
        // S(2) = 1.6: f = 2/1.6 - 1 = 0.25, Karp-Flatt's value; no residual is left to judge by.
        let fit = try #require(AmdahlFit.fit([ScalingPoint(threads: 1, speedup: 1), ScalingPoint(threads: 2, speedup: 1.6)]))
        #expect(abs(fit.serialFraction - 0.25) < 1e-9)
        #expect(fit.rSquared == nil)
        #expect(fit.residualDegreesOfFreedom == 0)
    }

    @Test func amdahlOnThreeThreadCountsMatchesSciPy() throws {
        let fit = try #require(AmdahlFit.fit([(1, 1.0), (2, 1.8), (4, 2.5)].map { ScalingPoint(threads: $0.0, speedup: $0.1) }))
        #expect(abs(fit.serialFraction - 0.19246749365596363) < 1e-6)
        #expect(abs((fit.rSquared ?? 0) - 0.9332087782190526) < 1e-6)
        #expect(fit.residualDegreesOfFreedom == 1)
    }

    @Test func uslNeedsAResidualDegreeOfFreedom() throws {
        let curve = { (threads: [Int]) in
            threads.map { ScalingPoint(threads: $0, speedup: USLFit.speedup(at: Double($0), sigma: 0.1, kappa: 0.01)) }
        }
        #expect(USLFit.fit(curve([1, 2, 4])) == nil)  // 2 thread counts above 1 for 2 parameters
        let fit = try #require(USLFit.fit(curve([1, 2, 4, 8])))
        #expect(fit.residualDegreesOfFreedom == 1)
        #expect(abs(fit.sigma - 0.1) < 1e-6 && abs(fit.kappa - 0.01) < 1e-6)
    }

    @Test func aNegligibleKappaHasNoPeak() throws {
        let tiny = USLFit(sigma: 0.05, kappa: 1e-19, rSquared: 1, residualDegreesOfFreedom: 4, kappaIsNegligible: true)
        #expect(tiny.peakThreads == nil)
        #expect(abs(tiny.ceiling - 20) < 1e-9)
        let points = [1, 2, 4, 8, 16, 32, 64].map {
            ScalingPoint(threads: $0, speedup: USLFit.speedup(at: Double($0), sigma: 0.05, kappa: 1e-9))
        }
        let fit = try #require(USLFit.fit(points))
        #expect(fit.peakThreads == nil)
        #expect(fit.kappa == 0 || fit.kappaIsNegligible)
        let models = ScalingModel.fits(ScalingModelTests.rows("x", .io, "swift", points.map { ($0.threads, $0.speedup) }))
        #expect(!models[0].sentence.contains("peak"), "\(models[0].sentence)")
    }

    @Test func computationIsFittedOnlyUpToTheUsableCPUs() throws {
        // Perfectly parallel on 2 cores: min(N, 2). Fitted over 1...64 Amdahl reads the core
        // limit as a serial fraction near 0.5; within the cores it is 0.
        let curve = [1, 2, 4, 8, 16, 32, 64].map { ($0, Double(min($0, 2))) }
        let rows = ScalingModelTests.rows("math", .cpu, "swift", curve)
        let unlimited = try #require(ScalingModel.fits(rows).first?.amdahl)
        #expect(unlimited.serialFraction > 0.4)
        let model = try #require(ScalingModel.fits(rows, usableCPUs: 2).first)
        #expect(model.fittedPoints.map(\.threads) == [1, 2])
        #expect(try #require(model.amdahl).serialFraction < 0.01)
        #expect(model.usl == nil)
        #expect(abs((model.ceiling ?? 0) - 2) < 1e-6)
        #expect(model.sentence.hasPrefix("math under swift, fitted within 2 cores: serial fraction 0.00, ceiling 2.0x on 2 cores"),
                "\(model.sentence)")
        #expect(model.sentence.contains("no USL: it needs 3 thread counts above 1 within the CPUs, has 1"))
        #expect(!model.sentence.contains("peak"))
        // Under a GIL the CPUs are not the limit: every thread count is fitted.
        let gil = ScalingModel.fits(ScalingModelTests.rows("math", .cpu, "swift-gil", curve.map { ($0.0, 1.0) }),
                                    usableCPUs: 2)
        #expect(gil[0].fittedPoints.count == 7)
    }

    @Test func oneUsableCPULeavesNothingToFitAndSaysWhy() throws {
        let rows = ScalingModelTests.rows("math", .cpu, "swift", [(1, 1), (2, 1), (4, 1)])
        let model = try #require(ScalingModel.fits(rows, usableCPUs: 1, cpuLimit: .affinityMask).first)
        #expect(model.amdahl == nil && model.usl == nil)
        #expect(model.sentence == "math under swift, fitted within 1 usable CPU (affinity mask): no thread count above 1 "
            + "within it, too few to fit a scaling model; computation cannot run more than 1x faster here")
    }

    @Test func gustafsonMatchesSciPyOnSyntheticScaledSpeedups() throws {
        let exact = try #require(GustafsonFit.fit([1, 2, 4, 8, 16].map {
            ScalingPoint(threads: $0, speedup: GustafsonFit.speedup(at: Double($0), serialFraction: 0.1))
        }))
        #expect(abs(exact.serialFraction - 0.1) < 1e-12)
        #expect(abs((exact.rSquared ?? 0) - 1) < 1e-12)
        // s = sum((N - S)(N - 1)) / sum((N - 1)^2) = 5.1 / 59; SciPy's curve_fit gives 0.08644068.
        let noisy = try #require(GustafsonFit.fit([(1, 1.0), (2, 1.9), (4, 3.5), (8, 7.5)].map {
            ScalingPoint(threads: $0.0, speedup: $0.1)
        }))
        #expect(abs(noisy.serialFraction - 5.1 / 59) < 1e-12)
        #expect(abs((noisy.rSquared ?? 0) - 0.9958441981747066) < 1e-9)
        #expect(noisy.residualDegreesOfFreedom == 2)
    }

    @Test func weakScalingIsFittedWithGustafsonNotAmdahl() throws {
        // Scaled speedup N - 0.1 (N - 1): Amdahl on these would print a ceiling in the hundreds.
        var records: [BatchRecord] = []
        for n in [1, 2, 4, 8, 16, 32, 64] {
            for rep in 1...3 {
                var r = BatchRecord(workload: "sleep", kind: .io, runtime: "swift", runtimeVersion: "swift-6.3",
                                    switchIntervalMs: 5, scaling: .weak, threads: n, tasks: n, repetition: rep)
                r.wallSeconds = Double(n) / GustafsonFit.speedup(at: Double(n), serialFraction: 0.1)
                records.append(r)
            }
        }
        let model = try #require(ScalingModel.fits(Summarizer.summarize(records, usableCPUs: 2)).first)
        #expect(model.amdahl == nil)
        #expect(abs(try #require(model.gustafson).serialFraction - 0.1) < 1e-9)
        #expect(model.sentence.hasPrefix("sleep under swift (weak scaling): Gustafson serial share 0.10, scaled speedup "
            + "grows 0.90x per added thread (Gustafson R^2 1.00, 5 residual df)"), "\(model.sentence)")
        #expect(!model.sentence.contains("ceiling"))
    }
}
