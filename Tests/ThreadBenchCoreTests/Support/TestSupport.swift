import CSV
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchStorage

// What several test files of this target share: fakes, fixtures and parsers.

/// Where this test target's files lie in the source tree.
enum SourceTree {
    /// Tests/ThreadBenchCoreTests.
    static let testTarget = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The package's root.
    static let root = testTarget.deletingLastPathComponent().deletingLastPathComponent()
}

/// A one-shot latch the tests use to hold a thread inside its target.
final class Latch: @unchecked Sendable {
    private let lock = ConditionLock()
    private var open = false
    func release() { lock.withLock { open = true; lock.broadcast() } }
    func wait() { lock.withLock { while !open { lock.wait() } } }
}

/// A counter shared between threads in tests.
final class Counter: @unchecked Sendable {
    private let lock = ConditionLock()
    private var value = 0
    func add(_ n: Int = 1) { lock.withLock { value += n } }
    var current: Int { lock.withLock { value } }
}

/// A workload whose tasks sleep, releasing the lock, for runner tests.
final class NapWorkload: Workload {
    let name = "nap"
    let kind = WorkloadKind.io
    let summary = "test: sleeps"
    let sampleNames = ["io"]
    let defaultTasks = 8
    let nanos: Nanoseconds
    init(milliseconds: Double) { nanos = Nanoseconds(milliseconds * 1e6) }
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker { Worker(nanos: nanos) }
    final class Worker: TaskWorker {
        let nanos: Nanoseconds
        init(nanos: Nanoseconds) { self.nanos = nanos }
        func run(task: Int, context: TaskContext) -> TaskOutcome {
            context.blocking { Clock.sleep(nanos: nanos) }
            return TaskOutcome(ops: 1, bytes: 10, error: task == 3 ? "task 3 failed" : nil, samplesMs: ["io": 1])
        }
    }
}

/// A workload with a Python version, for contract tests; it never runs Swift-side.
final class PortableNap: PythonPortable {
    let name = "sleep"
    let kind = WorkloadKind.io
    let summary = "test: portable sleep"
    let defaultTasks = 4
    let sampleNames = ["io"]
    var pythonParameters: [String: PythonValue] { ["sleep_ms": 1.0] }
    func pythonBatchMetrics(_ batch: PythonBatchFigures) -> [String: Double] {
        ["mib_per_s": Double(batch.bytes) / 1_048_576 / max(batch.workSeconds, 1e-9)]
    }
    func makeWorker(threadIndex: Int, threadCount: Int) throws -> any TaskWorker { fatalError("Swift side unused") }
}

/// Saved runs of this project's own harness, read from the test bundle.
enum Fixture {
    static func path(_ name: String) -> String {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
        return url?.path ?? "missing-fixture-\(name)"
    }

    static func run(_ name: String) throws -> RecordedRun { try CSVRunReader.read(path: path(name)) }
}

/// Collects the elements of an SVG document while checking that it is well-formed XML.
final class SVGInspector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }

    /// Parses `svg`; false when it is not well-formed.
    static func inspect(_ svg: String) -> (ok: Bool, inspector: SVGInspector) {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        return (parser.parse(), inspector)
    }

    func count(_ name: String, class className: String) -> Int {
        elements.filter { $0.name == name && $0.attributes["class"] == className }.count
    }
}

extension CSVReader {
    /// Every row of a CSV text, header included.
    static func cells(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }
}
