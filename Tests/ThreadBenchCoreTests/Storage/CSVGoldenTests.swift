import Foundation
import Testing
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage

/// The CSV writer and reader against texts saved before the column table replaced the hand-kept
/// cell order: every fixture run, read back and written as raw, summary and model files, gives
/// the same bytes as then (`Fixtures/csv-golden/`). `THREADBENCH_RECORD_GOLDEN=1` rewrites them.
@Suite struct CSVGoldenTests {
    /// This test target's folder in the source tree.
    static let folder = SourceTree.testTarget

    /// The saved texts.
    static let golden = folder.appendingPathComponent("Fixtures/csv-golden")

    /// Every fixture and fuzz-corpus CSV: runs that read back, and files that fail with one error.
    static let inputs: [String] = ["Fixtures", "Fuzz/csv"].flatMap { sub in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? [])
            .filter { $0.hasSuffix(".csv") }.sorted().map { sub + "/" + $0 }
    }

    /// The three files of a run read back, with the facts of this build (not of the file) made
    /// constant; or the reader's error.
    static func written(_ input: String) throws -> String {
        let run: RecordedRun
        do {
            run = try CSVRunReader.read(path: folder.appendingPathComponent(input).path)
        } catch {
            return "error: \(error)".replacingOccurrences(of: folder.path, with: "TESTS")
        }
        let analysis = RunAnalysis(run)
        let reporter = CSVReporter(metadata: run.metadata)
        let files = [try reporter.raw(run.records, outlierFlags: analysis.outlierFlags, complete: run.complete),
                     try reporter.summary(analysis.summary, complete: run.complete),
                     try reporter.model(analysis.models, complete: run.complete)]
        let build = ",\(BuildInfo.swiftVersion),\(BuildInfo.version),\(BuildInfo.configuration),"
        return files.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n--- next file ---\n")
            .replacingOccurrences(of: build, with: ",SWIFT,VERSION,CONFIG,")
    }

    @Test(arguments: inputs)
    func writtenFilesMatchTheSavedText(_ input: String) throws {
        let text = try Self.written(input)
        let path = Self.golden.appendingPathComponent(input.replacingOccurrences(of: "/", with: "--") + ".txt")
        if ProcessInfo.processInfo.environment["THREADBENCH_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: path)
        }
        let saved = try String(contentsOf: path, encoding: .utf8)
        #expect(text == saved, "\(input): the text differs from \(path.path)")
    }

    @Test func everyInputHasASavedText() {
        #expect(Self.inputs.count >= 30)
    }
}
