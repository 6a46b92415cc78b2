import Foundation
import ThreadBenchAnalysis
import ThreadBenchMeasurement
import ThreadBenchModel
import ThreadBenchOutput
import ThreadBenchStorage

/// The parsers the fuzz target can feed, by their `THREADBENCH_FUZZ_TARGET` names.
private enum FuzzedParser: String {
    /// The raw CSV reader (the default).
    case csv
    /// The `--threads` parser.
    case threads
}

/// Which parser the fuzz target feeds: `THREADBENCH_FUZZ_TARGET=csv` (the default) or `threads`.
private let fuzzTarget = ProcessInfo.processInfo.environment["THREADBENCH_FUZZ_TARGET"].flatMap(FuzzedParser.init) ?? .csv

/// One input through one parser; traps on any outcome other than a result that keeps the
/// parser's promises or its own clear error.
func fuzzOne(_ data: Data) {
    if fuzzTarget == .threads { fuzzThreadCounts(data) } else { fuzzCSV(data) }
}

/// The `--threads` parser: ascending, distinct counts within bounds, or a `CountListError`.
func fuzzThreadCounts(_ data: Data) {
    let text = String(decoding: data.prefix(256), as: UTF8.self)
    do {
        let counts = try ThreadCountParser.parse(text)
        precondition(!counts.isEmpty, "empty list for \(text.debugDescription)")
        precondition(counts == counts.sorted() && Set(counts).count == counts.count, "unsorted for \(text.debugDescription)")
        precondition(counts.allSatisfy { (1...ThreadCountParser.maximum).contains($0) }, "out of range: \(text.debugDescription)")
    } catch is CountListError {
        return
    } catch {
        preconditionFailure("unexpected error \(error) for \(text.debugDescription)")
    }
}

/// The raw CSV reader, then what `report` and `compare` do with what it read.
func fuzzCSV(_ data: Data) {
    let run: RecordedRun
    do {
        run = try CSVRunReader.parse(data, path: "fuzz.csv")
    } catch let error as CSVReadError {
        precondition(!error.description.contains("\n"), "a multi-line error: \(error.description.debugDescription)")
        return
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
    precondition(!run.records.isEmpty)
    precondition(run.metadata.machine.logicalCPUs >= 1)
    guard run.records.count <= 256 else { return }
    _ = SVGChartReporter().render(RunAnalysis(run).charts)
    if let report = try? ComparisonReport(runs: [run, run]) {
        _ = try? ComparisonCSVReporter().render(report)
        _ = ComparisonTableReporter(markdown: true).render(report)
    }
}

#if THREADBENCH_LIBFUZZER
/// libFuzzer's entry point (build with `-sanitize=fuzzer -D THREADBENCH_LIBFUZZER`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    fuzzOne(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

/// libFuzzer's driver, for a program that has its own `main` (SwiftPM links every executable
/// through its module's entry point, so libFuzzer's `main` cannot be used).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// Hands the command line to libFuzzer (`-max_total_time=N CORPUS_FOLDER`, ...).
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzerTestOneInput))
    }
}
#else
/// Without libFuzzer: replays every file named on the command line, or every file in the
/// folders named, through the same checks (a crash is a failure, as under libFuzzer).
@main
enum FuzzReplay {
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("fuzz: no such file \(argument)\n".utf8))
                exit(64)
            }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { "\(argument)/\($0)" }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                fuzzOne(data)
                count += 1
            }
        }
        print("fuzz replay (\(fuzzTarget)): \(count) inputs, no failure")
    }
}
#endif
