import Testing
@testable import ThreadBenchStatistics

/// Reference values worked out by hand from the definition: sort, multiply the j-th smallest
/// by m - j + 1, cap at 1, carry the running maximum, put back in input order.
@Suite struct HolmAdjustmentTests {
    private func expectClose(_ actual: [Double], _ expected: [Double]) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) < 1e-12, "\(actual) vs \(expected)")
        }
    }

    @Test func fourTestsInInputOrder() {
        // Sorted 0.005, 0.01, 0.03, 0.04 -> 4*0.005 = 0.02, 3*0.01 = 0.03, 2*0.03 = 0.06,
        // 1*0.04 = 0.04 raised to the running maximum 0.06.
        expectClose(HolmAdjustment.adjusted([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02])
    }

    @Test func theRunningMaximumKeepsTheOrder() {
        // Sorted 0.2, 0.3, 0.5 -> 0.6, 0.6, 0.5 -> running maximum 0.6, 0.6, 0.6.
        expectClose(HolmAdjustment.adjusted([0.3, 0.2, 0.5]), [0.6, 0.6, 0.6])
    }

    @Test func adjustedValuesAreCappedAtOne() {
        // 2*0.6 = 1.2 -> 1; then 0.7 is raised to 1.
        expectClose(HolmAdjustment.adjusted([0.6, 0.7]), [1, 1])
        // 2*0.4 = 0.8; 0.6 is raised to 0.8.
        expectClose(HolmAdjustment.adjusted([0.4, 0.6]), [0.8, 0.8])
    }

    @Test func fiveRowsOfWhichThreeStaySignificant() {
        // Sorted 0.001, 0.008, 0.012, 0.039, 0.041 -> 0.005, 0.032, 0.036, 0.078, 0.041 -> running
        // maximum 0.005, 0.032, 0.036, 0.078, 0.078: at alpha 0.05 three rows stay significant,
        // where the unadjusted p-values had five.
        let raw = [0.039, 0.001, 0.041, 0.012, 0.008]
        let adjusted = HolmAdjustment.adjusted(raw)
        expectClose(adjusted, [0.078, 0.005, 0.078, 0.036, 0.032])
        #expect(adjusted.filter { $0 < 0.05 }.count == 3)
    }

    @Test func equalPValuesGetEqualAdjustedValues() {
        // 3*0.01 = 0.03, 2*0.01 = 0.02 -> 0.03, 1*0.02 = 0.02 -> 0.03.
        expectClose(HolmAdjustment.adjusted([0.01, 0.02, 0.01]), [0.03, 0.03, 0.03])
    }

    @Test func oneTestIsUnchangedAndNoTestsGiveNothing() {
        expectClose(HolmAdjustment.adjusted([0.042]), [0.042])
        #expect(HolmAdjustment.adjusted([]).isEmpty)
    }

    @Test func aMissingPValueIsNotCountedAndStaysMissing() {
        // m = 2: 2*0.01 = 0.02, 1*0.03 = 0.03.
        let adjusted = HolmAdjustment.adjusted([0.03, .nan, 0.01])
        #expect(adjusted[1].isNaN)
        #expect(abs(adjusted[0] - 0.03) < 1e-12)
        #expect(abs(adjusted[2] - 0.02) < 1e-12)
    }

    @Test func outOfRangeValuesAreClamped() {
        // -0.5 counts as 0 and 3 as 1: 2*0 = 0, 1*1 = 1.
        expectClose(HolmAdjustment.adjusted([3, -0.5]), [1, 0])
    }

    @Test func everyAdjustedValueIsAtLeastItsRawValue() {
        let raw = (1...40).map { Double(($0 * 37) % 41) / 41 }
        let adjusted = HolmAdjustment.adjusted(raw)
        for (p, q) in zip(raw, adjusted) {
            #expect(q >= p && q <= 1)
        }
        // Monotone: a smaller raw p never gets a larger adjusted p.
        for i in raw.indices {
            for j in raw.indices where raw[i] < raw[j] {
                #expect(adjusted[i] <= adjusted[j])
            }
        }
    }
}
