import CSV
import Foundation
import Testing
@testable import ThreadBenchAnalysis
@testable import ThreadBenchMeasurement
@testable import ThreadBenchModel
@testable import ThreadBenchOutput
@testable import ThreadBenchStorage

@Suite struct CSVReporterTests {
    static let machine = MachineInfo(hostname: "host, \"quoted\"", os: "Debian", kernel: "6.1", arch: "x86_64",
                                     cpuModel: "CPU\nwith newline", logicalCPUs: 2, memoryBytes: 1024)

    static func record(threads: Int = 2, error: String = "") -> BatchRecord {
        var r = BatchRecord(workload: "sleep", kind: .io, runtime: "swift-gil", runtimeVersion: "swift-6.3",
                            switchIntervalMs: 5, scaling: .strong, threads: threads, tasks: 8, repetition: 1)
        r.wallSeconds = 0.125
        r.firstError = error
        r.metrics["mib_per_s"] = 12.5
        return r
    }

    static func parse(_ data: Data) throws -> (header: [String], rows: [[String]]) {
        let reader = try CSVReader(string: String(decoding: data, as: UTF8.self), hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return (reader.headerRow ?? [], rows)
    }

    @Test func rawFileHasEveryColumnAndRoundTripsQuoting() throws {
        let metadata = RunMetadata(hostLabel: "lab,el \"x\"", machine: Self.machine, spawnJoinFloorMicros: 25)
        let data = try CSVReporter(metadata: metadata).raw([Self.record(error: "boom, \"bad\"\nline 2")], outlierFlags: nil, complete: true)
        let parsed = try Self.parse(data)
        #expect(parsed.header == CSVSchema.rawColumns)
        #expect(parsed.rows.count == 1)
        let row = Dictionary(uniqueKeysWithValues: zip(parsed.header, parsed.rows[0]))
        #expect(row["host_label"] == "lab,el \"x\"")
        #expect(row["hostname"] == "host, \"quoted\"")
        #expect(row["cpu_model"] == "CPU\nwith newline")
        #expect(row["first_error"] == "boom, \"bad\"\nline 2")
        #expect(row["schema_version"] == String(CSVSchema.version))
        #expect(row["wall_s"] == "0.125")
        #expect(row["mib_per_s"] == "12.5")
        #expect(row["http_total_p50_ms"] == "")
        #expect(row["run_complete"] == "true")
        for column in ["run_id", "started_at", "logical_cpus", "memory_bytes", "spawn_join_floor_us", "threads"] {
            #expect(!(row[column] ?? "").isEmpty, "\(column) is empty")
        }
    }

    @Test func designColumnsAllExist() {
        let required = """
        schema_version run_id started_at host_label hostname os kernel arch cpu_model logical_cpus memory_bytes \
        swift_version threadbench_version build_config workload kind runtime switch_interval_ms scaling threads \
        tasks repetition wall_s cpu_user_s cpu_sys_s spawn_p50_us start_p50_us start_max_us join_p50_us join_max_us \
        task_p50_ms task_p99_ms gil_wait_s ops bytes errors timed_out
        """.split(separator: " ").map(String.init)
        for column in required { #expect(CSVSchema.rawColumns.contains(column), "missing \(column)") }
        let summary = """
        repetitions wall_median_s wall_min_s wall_max_s wall_stddev_s wall_ci95_low_s wall_ci95_high_s speedup \
        speedup_ci95_low speedup_ci95_high efficiency karp_flatt verdict
        """.split(separator: " ").map(String.init)
        for column in summary { #expect(CSVSchema.summaryColumns.contains(column), "missing \(column)") }
        #expect(Set(CSVSchema.rawColumns).count == CSVSchema.rawColumns.count)
    }

    @Test func summaryFileHasEveryColumn() throws {
        let metadata = RunMetadata(hostLabel: nil, machine: Self.machine, spawnJoinFloorMicros: 25)
        let rows = Summarizer.summarize([Self.record(threads: 1), Self.record(threads: 2)], usableCPUs: 2)
        let parsed = try Self.parse(try CSVReporter(metadata: metadata).summary(rows, complete: false))
        #expect(parsed.header == CSVSchema.summaryColumns)
        #expect(parsed.rows.count == 2)
        #expect(parsed.rows.allSatisfy { $0.count == CSVSchema.summaryColumns.count })
        let first = Dictionary(uniqueKeysWithValues: zip(parsed.header, parsed.rows[0]))
        #expect(first["verdict"] == "baseline")
        #expect(first["run_complete"] == "false")
        #expect(first["host_label"] == Self.machine.hostname)
    }

    @Test func formulaCellsAreNeutralised() {
        #expect(CSVText.neutralized("=cmd()") == "'=cmd()")
        #expect(CSVText.neutralized("+1") == "'+1")
        #expect(CSVText.neutralized("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.neutralized("-x") == "'-x")
        #expect(CSVText.neutralized("lab") == "lab")
    }

    @Test func numbersAreCompact() {
        #expect(CSVText.number(3) == "3")
        #expect(CSVText.number(0.5) == "0.5")
        #expect(CSVText.number(.nan) == "")
    }
}

@Suite struct AtomicFileTests {
    static func temporaryFolder() throws -> String {
        var template = Array("/tmp/tb-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        #expect(made != nil)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func writeReplacesWholeFileAndLeavesNoTemporary() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        try AtomicFile.write(Data("first version, longer text\n".utf8), to: path)
        try AtomicFile.write(Data("second\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }

    @Test func unwritableFolderThrowsAndWritesNothing() throws {
        #expect(throws: FileWriteError.self) { try AtomicFile.write(Data("x".utf8), to: "/proc/no-such/out.csv") }
        #expect(throws: FileWriteError.self) { try AtomicFile.ensureWritableFolder("/proc/threadbench-test") }
    }

    @Test func resultPathsNeverReuseAName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let first = ResultPaths(folder: folder, label: "my lab/../x", date: date)
        #expect(first.raw.hasSuffix("/my_lab_.._x-20270115T080000Z.csv"))
        try AtomicFile.write(Data(), to: first.raw)
        let second = ResultPaths(folder: folder, label: "my lab/../x", date: date)
        #expect(second.raw != first.raw)
        #expect(second.raw.hasSuffix("-2.csv"))
        #expect(ResultPaths.fileSafe("../..") == "_..")
        #expect(ResultPaths.fileSafe("..") == "run")
    }
}

@Suite struct ThreadCountParserTests {
    @Test func listsAndRanges() throws {
        #expect(try ThreadCountParser.parse("1,2,4,8") == [1, 2, 4, 8])
        #expect(try ThreadCountParser.parse("1...64") == [1, 2, 4, 8, 16, 32, 64])
        #expect(try ThreadCountParser.parse("3...20") == [3, 6, 12, 20])
        #expect(try ThreadCountParser.parse("8, 1...4, 8") == [1, 2, 4, 8])
        #expect(try ThreadCountParser.parse("5") == [5])
    }

    @Test(arguments: ["0", "-1", "abc", "", "1,,2", "4...2", "1...", "...8", "1.5", "200000", "１"])
    func rejectsBadInput(_ text: String) {
        #expect(throws: CountListError.self) { try ThreadCountParser.parse(text) }
    }
}
