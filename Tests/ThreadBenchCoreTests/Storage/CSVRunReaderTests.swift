import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

@Suite struct CSVRunReaderTests {
    static func records() -> [BatchRecord] {
        var records: [BatchRecord] = []
        for threads in [1, 2] {
            for rep in 1...3 {
                var r = BatchRecord(workload: "math", kind: .cpu, runtime: "swift", runtimeVersion: "swift-6.3",
                                    switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8, repetition: rep)
                r.wallSeconds = 1.0 / Double(threads) + Double(rep) * 0.001
                r.taskP50Millis = 12.5
                r.ops = 8
                r.firstError = rep == 2 ? "a message, with a comma\nand a line break" : ""
                r.metrics["mib_per_s"] = 42.5
                records.append(r)
            }
        }
        return records
    }

    static func csvText() throws -> String {
        let machine = MachineInfo(hostname: "box", os: "Debian", kernel: "6.1", arch: "x86_64",
                                  cpuModel: "Some CPU, 2 cores", logicalCPUs: 2, memoryBytes: 1 << 34)
        let metadata = RunMetadata(hostLabel: "lab", machine: machine, spawnJoinFloorMicros: 45)
        return String(decoding: try CSVReporter(metadata: metadata).raw(records(), outlierFlags: nil, complete: true), as: UTF8.self)
    }

    func parse(_ text: String) throws -> RecordedRun {
        try CSVRunReader.parse(Data(text.utf8), path: "x.csv")
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func roundTripsWhatTheReporterWrites() throws {
        let run = try parse(try Self.csvText())
        #expect(run.records == Self.records())
        #expect(run.label == "lab")
        #expect(run.metadata.machine.cpuModel == "Some CPU, 2 cores")
        #expect(run.metadata.machine.logicalCPUs == 2)
        #expect(run.metadata.spawnJoinFloorMicros == 45)
        #expect(run.complete)
        #expect(run.runIDs.count == 1)
    }

    @Test func skipsARepeatedHeaderFromConcatenatedFiles() throws {
        let text = try Self.csvText()
        let run = try parse(text + text)
        #expect(run.records.count == 12)
        #expect(run.runIDs.count == 1)
    }

    @Test func emptyAndBlankFiles() {
        #expect(error("") == "x.csv: empty file, expected a ThreadBench CSV")
        #expect(error("\n\n  \n") == "x.csv: empty file, expected a ThreadBench CSV")
    }

    @Test func binaryAndNonCSVText() throws {
        #expect(error(String(decoding: [0x89, 0x50, 0x4E, 0x47, 0, 1, 2], as: UTF8.self)).contains("not a CSV file"))
        #expect(error("just some words\nin a text file\n") == "x.csv: not a CSV file (no comma-separated header row of text)")
        #expect(throws: CSVReadError("b.bin", .notText(reason: "it holds NUL bytes"))) {
            try CSVRunReader.parse(Data([0xFF, 0xFE, 0x00, 0x41]), path: "b.bin")
        }
    }

    @Test func anotherToolsCSV() {
        #expect(error("name,value\nfoo,1\n").contains("not a ThreadBench CSV"))
    }

    @Test func summaryAndModelFilesAreNamed() throws {
        let metadata = RunMetadata(hostLabel: "lab", machine: MachineInfo.current(), spawnJoinFloorMicros: 45)
        let reporter = CSVReporter(metadata: metadata)
        let rows = Summarizer.summarize(Self.records(), usableCPUs: 2)
        let summary = String(decoding: try reporter.summary(rows, complete: true), as: UTF8.self)
        #expect(error(summary).contains("this is a ThreadBench summary file"))
        let model = String(decoding: try reporter.model(ScalingModel.fits(rows), complete: true), as: UTF8.self)
        #expect(error(model).contains("this is a ThreadBench model file"))
    }

    @Test func missingColumns() throws {
        let text = try Self.csvText().replacingOccurrences(of: ",wall_s,", with: ",wall_seconds,")
        #expect(error(text) == "x.csv: missing 1 column: wall_s")
    }

    @Test func requiredColumnsAreTheSchemaLessItsOptionalOnes() throws {
        #expect(Set(CSVSchema.requiredRawColumns).union(CSVSchema.optionalRawColumns) == Set(CSVSchema.rawColumns))
        #expect(CSVSchema.requiredRawColumns.count + CSVSchema.optionalRawColumns.count == CSVSchema.rawColumns.count)
        // A file with only the required columns reads, without its metrics.
        let full = try CSVReporterTests.parse(Data(try Self.csvText().utf8))
        let keep = full.header.indices.filter { CSVSchema.requiredRawColumns.contains(full.header[$0]) }
        let text = try CSVReporter.render(header: keep.map { full.header[$0] }, rows: full.rows.map { row in keep.map { row[$0] } })
        let run = try CSVRunReader.parse(text, path: "x.csv")
        #expect(run.records == Self.records().map { var r = $0; r.metrics = [:]; return r })
    }

    @Test func otherSchemaVersion() throws {
        var lines = try Self.csvText().components(separatedBy: "\n")
        lines[1] = "9" + lines[1].dropFirst()
        #expect(error(lines.joined(separator: "\n"))
            == "x.csv:2: schema_version '9', this threadbench reads versions 1, 2, 3 and 4")
    }

    @Test func headerWithoutRows() throws {
        let header = try Self.csvText().components(separatedBy: "\n")[0]
        #expect(error(header + "\n") == "x.csv: a header but no data rows")
    }

    @Test func nonNumericCellNamesFileLineAndColumn() throws {
        var lines = try Self.csvText().components(separatedBy: "\n")
        // Line 5 of the file is the third data row: the second row's first_error spans two lines.
        #expect(lines[4].components(separatedBy: ",1.003,").count == 2)
        lines[4] = lines[4].replacingOccurrences(of: ",1.003,", with: ",fast,")
        #expect(error(lines.joined(separator: "\n")) == "x.csv:5: column wall_s: 'fast' is not a number")
    }

    @Test func wrongCellCountAndBadValues() throws {
        var lines = try Self.csvText().components(separatedBy: "\n")
        lines[1] += ",extra"
        #expect(error(lines.joined(separator: "\n")).hasPrefix("x.csv:2: "))
        #expect(error(lines.joined(separator: "\n")).contains("cells where the header has"))
        lines = try Self.csvText().components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: ",strong,", with: ",diagonal,")
        #expect(error(lines.joined(separator: "\n")) == "x.csv:2: column scaling: 'diagonal' is not strong or weak")
    }

    @Test func missingAndUnreadableFiles() {
        #expect(throws: CSVReadError("/nonexistent/run.csv", .missingFile)) {
            try CSVRunReader.read(path: "/nonexistent/run.csv")
        }
        #expect(throws: CSVReadError("/tmp", .unreadable(reason: "it is a folder"))) {
            try CSVRunReader.read(path: "/tmp")
        }
    }
}
