import CSV
import Foundation
import ThreadBenchModel

/// Reads ThreadBench raw CSVs back into records, with one clear error per problem.
public enum CSVRunReader {
    /// Reads the raw CSV at `path`.
    /// - Throws: `CSVReadError`.
    public static func read(path: String) throws -> RecordedRun {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVReadError.missingFile(path: path)
        }
        if isDirectory.boolValue { throw CSVReadError.unreadable(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVReadError.unreadable(path: path, reason: "permission denied or I/O error")
        }
        return try parse(data, path: path)
    }

    /// Parses raw CSV bytes; `path` names the source in errors.
    /// - Throws: `CSVReadError`.
    public static func parse(_ data: Data, path: String) throws -> RecordedRun {
        guard !data.isEmpty else { throw CSVReadError.empty(path: path) }
        guard !data.contains(0) else { throw CSVReadError.notText(path: path, reason: "it holds NUL bytes") }
        guard var text = String(data: data, encoding: .utf8) else {
            throw CSVReadError.notText(path: path, reason: "it is not valid UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy({ $0.isWhitespace }) { throw CSVReadError.empty(path: path) }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw CSVReadError.notCSV(path: path)
        }
        var line = 1
        var header: [String]?
        var table = Table(path: path, columns: [:])
        var run: RecordedRun?
        while let cells = reader.next() {
            let rowLine = line
            line += 1 + cells.reduce(0) { $0 + lineBreaks($1) }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard let columns = header else {
                header = cells
                table = try checkHeader(cells, path: path)
                continue
            }
            if cells == columns { continue }  // the header again, in concatenated files
            guard cells.count == columns.count else {
                throw CSVReadError.cellCount(path: path, line: rowLine, found: cells.count, expected: columns.count)
            }
            let row = Row(table: table, cells: cells, line: rowLine)
            try append(row, to: &run)
        }
        if reader.error != nil { throw CSVReadError.notCSV(path: path) }
        guard let run else { throw CSVReadError.noRows(path: path) }
        return run
    }

    private static func lineBreaks(_ cell: String) -> Int {
        cell.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    }

    private static func checkHeader(_ cells: [String], path: String) throws -> Table {
        let names = cells.map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count > 1 else { throw CSVReadError.notCSV(path: path) }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() where columns[name] == nil { columns[name] = index }
        guard columns["schema_version"] != nil, columns["workload"] != nil else {
            throw CSVReadError.foreignCSV(path: path)
        }
        if columns["wall_median_s"] != nil, columns["repetition"] == nil {
            throw CSVReadError.notRawFile(path: path, which: "summary")
        }
        if columns["usl_sigma"] != nil, columns["repetition"] == nil {
            throw CSVReadError.notRawFile(path: path, which: "model")
        }
        let missing = CSVSchema.requiredRawColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw CSVReadError.missingColumns(path: path, columns: missing) }
        return Table(path: path, columns: columns)
    }

    /// Adds a row's batch to the run, which the first row creates with its metadata.
    private static func append(_ row: Row, to run: inout RecordedRun?) throws {
        let record = try record(row)
        let complete = row["run_complete"] != "false"
        if run == nil {
            run = RecordedRun(path: row.table.path, metadata: try metadata(row), swiftVersion: row["swift_version"],
                              threadbenchVersion: row["threadbench_version"], buildConfiguration: row["build_config"],
                              complete: complete, runIDs: [], records: [])
        }
        if !run!.runIDs.contains(row["run_id"]) { run!.runIDs.append(row["run_id"]) }
        run!.complete = run!.complete && complete
        run!.records.append(record)
    }

    /// A row's batch: its schema version and identity checked first, then its measurements.
    private static func record(_ row: Row) throws -> BatchRecord {
        let version = row["schema_version"]
        guard CSVSchema.readableVersions.map(String.init).contains(version) else {
            throw CSVReadError.schemaVersion(path: row.table.path, line: row.line, found: version)
        }
        guard let kind = WorkloadKind(rawValue: row["kind"]) else {
            throw row.bad("kind", expected: "one of " + WorkloadKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let scaling = Scaling(rawValue: row["scaling"]) else {
            throw row.bad("scaling", expected: "strong or weak")
        }
        guard !row["workload"].isEmpty else { throw row.bad("workload", expected: "a workload name") }
        guard !row["runtime"].isEmpty else { throw row.bad("runtime", expected: "a runtime name") }
        let threads = try row.int("threads")
        guard threads >= 1 else { throw row.bad("threads", expected: "a thread count of 1 or more") }
        var record = BatchRecord(
            workload: row["workload"], kind: kind, runtime: Runtime(rawValue: row["runtime"]), runtimeVersion: row["runtime_version"],
            switchIntervalMs: try row.double("switch_interval_ms", optional: true), scaling: scaling,
            threads: threads, tasks: try row.int("tasks"), repetition: try row.int("repetition"))
        try readMeasurements(row, into: &record)
        return record
    }

    /// A row's figures: the wall time, required and not negative; the others empty or numbers.
    private static func readMeasurements(_ row: Row, into record: inout BatchRecord) throws {
        record.wallSeconds = try row.double("wall_s")
        guard record.wallSeconds >= 0 else { throw row.bad("wall_s", expected: "a duration of 0 or more") }
        record.workSeconds = try row.double("work_s", optional: true)
        record.cpuUserSeconds = try row.double("cpu_user_s", optional: true)
        record.cpuSysSeconds = try row.double("cpu_sys_s", optional: true)
        record.threadCPUSeconds = try row.double("thread_cpu_s", optional: true)
        record.voluntaryContextSwitches = try row.int("ctx_voluntary", optional: true)
        record.involuntaryContextSwitches = try row.int("ctx_involuntary", optional: true)
        record.spawnP50Micros = try row.double("spawn_p50_us", optional: true)
        record.startP50Micros = try row.double("start_p50_us", optional: true)
        record.startMaxMicros = try row.double("start_max_us", optional: true)
        record.joinP50Micros = try row.double("join_p50_us", optional: true)
        record.joinMaxMicros = try row.double("join_max_us", optional: true)
        record.taskP50Millis = try row.double("task_p50_ms", optional: true)
        record.taskP99Millis = try row.double("task_p99_ms", optional: true)
        record.gilWaitSeconds = try row.double("gil_wait_s", optional: true)
        record.ops = try row.int("ops", optional: true)
        record.bytes = try row.int("bytes", optional: true)
        record.errors = try row.int("errors", optional: true)
        record.timedOut = try row.int("timed_out", optional: true)
        record.firstError = row["first_error"]
        let unit = row["task_work_unit"].trimmingCharacters(in: .whitespaces)
        if !unit.isEmpty {
            record.taskWork = TaskWork(amount: try row.double("task_work"), unit: unit)
        }
        if !row["precision_target_pct"].trimmingCharacters(in: .whitespaces).isEmpty {
            let percent = try row.double("precision_target_pct")
            guard percent > 0 else { throw row.bad("precision_target_pct", expected: "a percentage above 0") }
            record.precisionTarget = percent / 100
        }
        if row.table.columns["pilot"] != nil { record.isPilot = row["pilot"].trimmingCharacters(in: .whitespaces) == "1" }
        if !row["steal_s"].isEmpty { record.stealSeconds = try row.double("steal_s") }
        if !row["other_cpu_s"].isEmpty { record.otherCPUSeconds = try row.double("other_cpu_s") }
        for column in CSVSchema.metricColumns where row.table.columns[column] != nil && !row[column].isEmpty {
            record.metrics[column] = try row.double(column)
        }
    }

    private static func metadata(_ row: Row) throws -> RunMetadata {
        let cpus = try row.int("logical_cpus")
        guard cpus >= 1 else { throw row.bad("logical_cpus", expected: "a core count of 1 or more") }
        let memory = try row.double("memory_bytes", optional: true)
        let (usable, limit) = try usableCPUs(row, logicalCPUs: cpus)
        let machine = MachineInfo(hostname: row["hostname"], os: row["os"], kernel: row["kernel"], arch: row["arch"],
                                  cpuModel: row["cpu_model"], logicalCPUs: cpus, usableCPUs: usable, cpuLimit: limit,
                                  memoryBytes: memory >= 0 && memory < 1.8e19 ? UInt64(memory) : 0)
        var metadata = RunMetadata(hostLabel: row["host_label"], machine: machine,
                                   spawnJoinFloorMicros: try row.double("spawn_join_floor_us", optional: true))
        metadata.runID = row["run_id"]
        metadata.startedAt = row["started_at"]
        metadata.machineChecks = row["machine_checks"].trimmingCharacters(in: .whitespaces)
        return metadata
    }

    /// The usable CPUs and their limit; an empty or missing `usable_cpus` (a version-1 file)
    /// means all the logical CPUs, with no limit.
    private static func usableCPUs(_ row: Row, logicalCPUs: Int) throws -> (Int?, UsableCPUs.Limit?) {
        guard !row["usable_cpus"].trimmingCharacters(in: .whitespaces).isEmpty else { return (nil, nil) }
        let usable = try row.int("usable_cpus")
        guard (1...logicalCPUs).contains(usable) else {
            throw row.bad("usable_cpus", expected: "a CPU count from 1 to logical_cpus (\(logicalCPUs))")
        }
        let text = row["cpu_limit"].trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text == "none" { return (usable, nil) }
        guard let limit = UsableCPUs.Limit(rawValue: text) else {
            throw row.bad("cpu_limit", expected: "none, affinity mask, cgroup cpu.max or cgroup v1 quota")
        }
        return (usable, limit)
    }

    /// The header's column positions.
    struct Table {
        let path: String
        let columns: [String: Int]
    }

    /// One data row with typed access by column name.
    struct Row {
        let table: Table
        let cells: [String]
        let line: Int

        subscript(column: String) -> String {
            table.columns[column].map { cells[$0] } ?? ""
        }

        /// A number; an empty cell reads as 0 when `optional`.
        func double(_ column: String, optional: Bool = false) throws -> Double {
            let text = self[column].trimmingCharacters(in: .whitespaces)
            if text.isEmpty, optional { return 0 }
            guard let value = Double(text), value.isFinite else {
                throw CSVReadError.notNumber(path: table.path, line: line, column: column, value: self[column])
            }
            return value
        }

        /// A whole number; an empty cell reads as 0 when `optional`.
        func int(_ column: String, optional: Bool = false) throws -> Int {
            let value = try double(column, optional: optional)
            guard value == value.rounded(), abs(value) < 9e15 else { throw bad(column, expected: "a whole number") }
            return Int(value)
        }

        func bad(_ column: String, expected: String) -> CSVReadError {
            .badValue(path: table.path, line: line, column: column, value: self[column], expected: expected)
        }
    }
}
