import Testing
@testable import ThreadBenchStatistics

/// Reference p-values were computed once with SciPy 1.17.1 (Python 3.11.7):
///
///     from scipy.stats import mannwhitneyu
///     mannwhitneyu(a, b, alternative="two-sided", method=M, use_continuity=True).pvalue
///
/// for M in "auto", "exact" and "asymptotic", and are kept here as literals.
@Suite struct MannWhitneyUTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var a: [Double]
        var b: [Double]
        var u: Double
        /// scipy method="auto" (exact without ties when a sample has at most 8 values).
        var auto: Double
        var autoMethod: MannWhitneyU.Method
        /// scipy method="exact"; nil where the samples have ties (the exact test does not apply).
        var exact: Double?
        /// scipy method="asymptotic", use_continuity=True.
        var asymptotic: Double
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "apart5v5", a: [1.02, 1.05, 0.98, 1.10, 1.01], b: [1.20, 1.15, 1.30, 1.18, 1.22], u: 0,
             auto: 0.007936507936507936, autoMethod: .exact, exact: 0.007936507936507936,
             asymptotic: 0.012185780355344813),
        Case(name: "overlap6v7", a: [3.1, 2.9, 3.4, 3.0, 3.3, 2.8], b: [3.2, 3.5, 3.6, 2.95, 3.7, 3.8, 3.9], u: 6,
             auto: 0.03496503496503496, autoMethod: .exact, exact: 0.03496503496503496,
             asymptotic: 0.03831876314941356),
        Case(name: "apart3v3", a: [1, 2, 3], b: [4, 5, 6], u: 0,
             auto: 0.1, autoMethod: .exact, exact: 0.1, asymptotic: 0.08085559837005224),
        Case(name: "ties7v8", a: [1, 2, 2, 3, 3, 3, 4], b: [3, 4, 4, 5, 5, 6, 2, 7], u: 8.5,
             auto: 0.025279736885893914, autoMethod: .normal, exact: nil, asymptotic: 0.025279736885893914),
        Case(name: "large12v10",
             a: [0.512, 0.498, 0.530, 0.471, 0.505, 0.519, 0.488, 0.541, 0.467, 0.502, 0.526, 0.494],
             b: [0.533, 0.547, 0.509, 0.561, 0.552, 0.528, 0.570, 0.515, 0.539, 0.558], u: 13,
             auto: 0.0021685684190888687, autoMethod: .normal, exact: 0.0011289020576946275,
             asymptotic: 0.0021685684190888687),
        Case(name: "unequal4v20", a: [2.5, 7.5, 11.5, 14.5], b: (1...20).map(Double.init), u: 34,
             auto: 0.6815358554488989, autoMethod: .exact, exact: 0.6815358554488989,
             asymptotic: 0.670087320793751),
    ]

    @Test(arguments: cases) func autoMatchesSciPy(_ c: Case) throws {
        let result = try #require(MannWhitneyU.test(c.a, c.b))
        #expect(result.u == c.u)
        #expect(result.method == c.autoMethod)
        #expect(abs(result.p - c.auto) < 1e-6, "\(result.p) vs \(c.auto)")
    }

    @Test(arguments: cases) func exactMatchesSciPy(_ c: Case) throws {
        guard let reference = c.exact else { return }
        let result = try #require(MannWhitneyU.test(c.a, c.b, method: .exact))
        #expect(abs(result.p - reference) < 1e-6, "\(result.p) vs \(reference)")
    }

    @Test(arguments: cases) func normalApproximationMatchesSciPy(_ c: Case) throws {
        let result = try #require(MannWhitneyU.test(c.a, c.b, method: .normal))
        #expect(abs(result.p - c.asymptotic) < 1e-6, "\(result.p) vs \(c.asymptotic)")
    }

    @Test func swappingTheSamplesKeepsTheTwoSidedP() throws {
        let c = Self.cases[1]
        let ab = try #require(MannWhitneyU.test(c.a, c.b))
        let ba = try #require(MannWhitneyU.test(c.b, c.a))
        #expect(abs(ab.p - ba.p) < 1e-12)
        #expect(ab.u + ba.u == Double(c.a.count * c.b.count))
    }

    @Test func identicalSamplesGivePOne() throws {
        let result = try #require(MannWhitneyU.test([2, 2, 2, 2], [2, 2, 2]))
        #expect(result.p == 1)
        #expect(MannWhitneyU.test([], [1]) == nil)
    }

    @Test func smallestPossiblePExplainsThreeRepetitions() {
        // 2 / C(6, 3) = 2 / 20: three repetitions a side can never reach p < 0.05.
        #expect(abs(MannWhitneyU.smallestPossibleP(3, 3) - 0.1) < 1e-12)
        // 2 / C(8, 4) = 2 / 70 = 0.0286: four a side can, only when the samples do not overlap.
        #expect(abs(MannWhitneyU.smallestPossibleP(4, 4) - 2.0 / 70) < 1e-12)
        #expect(abs(MannWhitneyU.smallestPossibleP(5, 5) - 2.0 / 252) < 1e-12)
    }

    @Test func averageRanksShareTies() {
        let (ranks, ties) = MannWhitneyU.averageRanks([10, 20, 20, 30])
        #expect(ranks == [1, 2.5, 2.5, 4])
        #expect(ties.sorted() == [1, 1, 2])
    }
}

/// Unequal and large samples. References from SciPy 1.17.1, method="auto" (exact here: no
/// ties, the smaller sample has at most 8 values), with b = 1, 2, ..., n:
///
///     mannwhitneyu(a, b, alternative="two-sided").pvalue
@Suite struct MannWhitneyULargeSampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var a: [Double]
        var n: Int
        var u: Double
        var p: Double
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "3v2000", a: [1.5, 3.5, 5.5], n: 2000, u: 9, p: 7.926199598211819e-08),
        Case(name: "5v2000", a: [0.5, 100.5, 700.5, 1500.5, 1999.5], n: 2000, u: 4299, p: 0.5983571675913631),
        Case(name: "8v2000", a: [10.5, 20.5, 30.5, 40.5, 50.5, 60.5, 70.5, 80.5], n: 2000, u: 360,
             p: 7.989861697441188e-11),
        Case(name: "5v20000", a: [5.5, 15000.5, 17000.5, 19000.5, 19990.5], n: 20000, u: 70995,
             p: 0.1054431533486174),
    ]

    @Test(arguments: cases) func exactMatchesSciPyEitherWayRound(_ c: Case) throws {
        let b = (1...c.n).map(Double.init)
        let ab = try #require(MannWhitneyU.test(c.a, b))
        #expect(ab.method == .exact)
        #expect(ab.u == c.u)
        #expect(abs(ab.p - c.p) <= 1e-9 * c.p, "\(ab.p) vs \(c.p)")
        let ba = try #require(MannWhitneyU.test(b, c.a))
        #expect(ba.method == .exact)
        #expect(ba.u == Double(c.a.count * c.n) - c.u)
        #expect(abs(ba.p - c.p) <= 1e-9 * c.p, "\(ba.p) vs \(c.p)")
    }

    @Test func theExactCountIsBoundedAndLargerSizesUseTheNormalApproximation() {
        #expect(MannWhitneyU.exactIsAffordable(8, 1_000_000))
        #expect(!MannWhitneyU.exactIsAffordable(8, 2_000_000))  // 16 million numbers
        #expect(!MannWhitneyU.exactIsAffordable(1_000, 1_000))  // a billion additions
        #expect(MannWhitneyU.exactIsAffordable(400, 400))
    }

    @Test func aForcedExactTestPastTheBoundsSaysItUsedTheNormalApproximation() throws {
        let a = (0..<1_000).map { Double($0) * 2 }, b = (0..<1_000).map { Double($0) * 2 + 1 }
        let result = try #require(MannWhitneyU.test(a, b, method: .exact))
        #expect(result.method == .normal)
        let normal = try #require(MannWhitneyU.test(a, b, method: .normal))
        #expect(result.p == normal.p)
    }

    @Test func exactCountsSumToTheBinomialCoefficientAndAreSymmetric() {
        // 4 and 6 values: C(10, 4) = 210 arrangements; P(U >= 0) = 1, P(U >= 24) = 1/210.
        #expect(MannWhitneyU.exactUpperTail(0, 4, 6) == 1)
        #expect(abs(MannWhitneyU.exactUpperTail(24, 4, 6) - 1.0 / 210) < 1e-15)
        #expect(abs(MannWhitneyU.exactUpperTail(24, 6, 4) - 1.0 / 210) < 1e-15)
        // U = 0 or 1 above the top: 1 arrangement gives 24 and 1 gives 23, so P(U >= 23) = 2/210.
        #expect(abs(MannWhitneyU.exactUpperTail(23, 4, 6) - 2.0 / 210) < 1e-15)
        #expect(MannWhitneyU.exactUpperTail(25, 4, 6) == 0)
    }

    @Test func smallestPossiblePIsWhatSamplesEntirelyApartGive() throws {
        for n1 in 1...12 {
            for n2 in 1...12 {
                let a = (0..<n1).map(Double.init), b = (0..<n2).map { Double($0 + 100) }
                let result = try #require(MannWhitneyU.test(a, b))
                let smallest = MannWhitneyU.smallestPossibleP(n1, n2)
                #expect(abs(result.p - smallest) <= 1e-12 * max(smallest, 1e-300), "\(n1) v \(n2)")
            }
        }
    }

    @Test func canReachSaysWhetherAlphaIsWithinReach() {
        #expect(!MannWhitneyU.canReach(alpha: 0.05, 3, 3))  // smallest p 0.1
        #expect(MannWhitneyU.canReach(alpha: 0.05, 4, 4))  // 2/70 = 0.029
        #expect(!MannWhitneyU.canReach(alpha: 0.01, 4, 4))
        #expect(!MannWhitneyU.canReach(alpha: 0.05, 1, 30))  // 2/31 = 0.065
        #expect(MannWhitneyU.canReach(alpha: 0.05, 20, 20))
        #expect(!MannWhitneyU.canReach(alpha: 0.05, 0, 5))
    }

    @Test func tiesInTinySamplesCanGoBelowTheUntiedSmallest() throws {
        // scipy gives 0.04685417760387376 (normal approximation: the samples are tied).
        let result = try #require(MannWhitneyU.test([1, 1, 1], [2, 2, 2]))
        #expect(result.method == .normal)
        #expect(abs(result.p - 0.04685417760387376) < 1e-12)
    }
}
