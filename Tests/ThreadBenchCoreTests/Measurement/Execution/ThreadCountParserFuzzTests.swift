import Foundation
import Testing
@testable import ThreadBenchMeasurement
import ThreadBenchStatistics

/// Seeded random inputs for the `--threads` parser: it must either return ascending,
/// distinct counts within bounds, or throw a `CountListError`; never crash or hang.
@Suite struct ThreadCountParserFuzzTests {
    static let alphabet = Array("0123456789,.. -+x\u{FF11}e\t")

    static func corpus() throws -> [String] {
        let url = SourceTree.testTarget.appendingPathComponent("Fuzz/thread-lists.txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    static func check(_ input: String) {
        do {
            let counts = try ThreadCountParser.parse(input)
            #expect(!counts.isEmpty, "\(input)")
            #expect(counts == counts.sorted() && Set(counts).count == counts.count, "\(input)")
            #expect(counts.allSatisfy { (1...ThreadCountParser.maximum).contains($0) }, "\(input)")
        } catch is CountListError {
            // A clear refusal is a correct answer.
        } catch {
            Issue.record("unexpected error type for \(input): \(error)")
        }
    }

    @Test func savedCorpus() throws {
        let inputs = try Self.corpus()
        #expect(inputs.count >= 20)
        for input in inputs { Self.check(input) }
    }

    @Test func seededRandomInputs() {
        var rng = SplitMix64(seed: 20261128)
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 16)
            let text = String((0..<length).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] })
            Self.check(text)
        }
    }
}
