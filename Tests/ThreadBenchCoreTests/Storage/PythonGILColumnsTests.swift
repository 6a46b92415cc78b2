import Foundation
import Testing
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

/// `python_free_threaded` and `python_gil_enabled`: written on every CPython row of both files,
/// read back, empty for Swift rows, absent from files before schema version 4.
struct PythonGILColumnsTests {
    /// Swift rows, and rows of two interpreters: a GIL build and a free-threaded one without its GIL.
    static func records() -> [BatchRecord] {
        let runtimes: [(Runtime, PythonGILState?)] = [
            (.swift, nil), (.cpythonInterpreter("3.11"), PythonGILState(freeThreadedBuild: false, enabled: true)),
            (.cpythonInterpreter("3.14t"), PythonGILState(freeThreadedBuild: true, enabled: false))]
        return runtimes.flatMap { runtime, gil in
            CSVRunReaderTests.records().map { record in
                var copy = record
                copy.runtime = runtime
                copy.pythonGIL = gil
                return copy
            }
        }
    }

    static func raw() throws -> String {
        let machine = MachineInfo(hostname: "box", os: "Debian", kernel: "6.1", arch: "x86_64", cpuModel: "CPU",
                                  logicalCPUs: 2, memoryBytes: 1 << 34)
        let reporter = CSVReporter(metadata: RunMetadata(hostLabel: "lab", machine: machine, spawnJoinFloorMicros: 1))
        return String(decoding: try reporter.raw(records(), outlierFlags: nil, complete: true), as: UTF8.self)
    }

    @Test func theBuildFlagAndTheGILRoundTripThroughTheRawFile() throws {
        let text = try Self.raw()
        let run = try CSVRunReader.parse(Data(text.utf8), path: "x.csv")
        #expect(run.records == Self.records())
        let table = try CSVReporterTests.parse(Data(text.utf8))
        let build = try #require(table.header.firstIndex(of: "python_free_threaded"))
        let gil = try #require(table.header.firstIndex(of: "python_gil_enabled"))
        let runtime = try #require(table.header.firstIndex(of: "runtime"))
        let cells = Set(table.rows.map { [$0[runtime], $0[build], $0[gil]] })
        #expect(cells == [["swift", "", ""], ["cpython-3.11", "0", "1"], ["cpython-3.14t", "1", "0"]])
    }

    @Test func aVersion3FileReadsWithTheFieldsEmpty() throws {
        let table = try CSVReporterTests.parse(Data(try Self.raw().utf8))
        let keep = table.header.indices.filter { !["python_free_threaded", "python_gil_enabled"].contains(table.header[$0]) }
        let rows = table.rows.map { row in keep.map { $0 == 0 ? "3" : row[$0] } }
        let old = try CSVReporter.render(header: keep.map { table.header[$0] }, rows: rows)
        let run = try CSVRunReader.parse(old, path: "old.csv")
        #expect(run.records.allSatisfy { $0.pythonGIL == nil })
        #expect(run.records.map(\.runtime) == Self.records().map(\.runtime))
        #expect(run.records.first { $0.runtime == "cpython-3.14t" }?.runsWithoutGIL == false,
                "with no recorded GIL, only the name cpython-nogil says there was none")
    }

    @Test func aFlagOtherThanOneOrZeroIsRefusedInOneLine() throws {
        let text = try Self.raw().replacingOccurrences(of: ",cpython-3.14t,swift-6.3,1,0,", with: ",cpython-3.14t,swift-6.3,yes,0,")
        #expect(text != (try Self.raw()))
        #expect {
            _ = try CSVRunReader.parse(Data(text.utf8), path: "x.csv")
        } throws: { error in
            "\(error)".contains("python_free_threaded") && "\(error)".contains("1 or 0") && !"\(error)".contains("\n")
        }
    }
}
