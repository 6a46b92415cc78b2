import ThreadBenchModel

/// A run's metadata as every row of its files carries it, and whether every planned batch ran.
package typealias RunCells = (metadata: RunMetadata, complete: Bool)

extension CSVSchema {
    /// A metadata column: written from the run, read back into the run that the first row starts.
    package typealias RunColumn = CSVColumn<RunCells, RecordedRun>

    package static let schemaVersion = RunColumn("schema_version", write: { _ in String(version) })
    package static let runID = RunColumn("run_id", write: { $0.metadata.runID }, read: { cell, run in
        run.metadata.runID = cell.text
    })
    package static let logicalCPUs = RunColumn(SharedFigureNames.logicalCPUs, write: { String($0.metadata.machine.logicalCPUs) },
                                       read: { cell, run in
        let cpus = try cell.int()
        guard cpus >= 1 else { throw cell.bad(expected: "a core count of 1 or more") }
        run.metadata.machine.logicalCPUs = cpus
    })
    package static let usableCPUs = RunColumn(SharedFigureNames.usableCPUs, write: { String($0.metadata.machine.usableCPUs) },
                                      read: { cell, run in try readUsableCPUs(cell, into: &run.metadata.machine) })
    package static let kernel = text("kernel", \.machine.kernel)
    package static let arch = text("arch", \.machine.arch)
    package static let cpuLimit = RunColumn("cpu_limit", write: { $0.metadata.machine.cpuLimitText })
    package static let runComplete = RunColumn("run_complete", write: { $0.complete ? "true" : "false" }, read: { cell, run in
        run.complete = isComplete(cell.row)
    })

    /// The machine checks run before the first batch (`RunMetadata.machineChecks`); absent before.
    package static let machineChecks = RunColumn("machine_checks", write: { CSVText.neutralized($0.metadata.machineChecks) },
                                                 read: { $1.metadata.machineChecks = $0.text.trimmingCharacters(in: .whitespaces) })

    /// Run and machine metadata, first on every row of every file; text a person typed or a
    /// machine reported is neutralised against spreadsheet formulas.
    package static let metadata: [RunColumn] = [
        schemaVersion, runID,
        RunColumn("started_at", write: { $0.metadata.startedAt }, read: { cell, run in
            run.metadata.startedAt = cell.text
        }),
        text("host_label", \.hostLabel),
        text("hostname", \.machine.hostname),
        text("os", \.machine.os),
        kernel,
        arch,
        text("cpu_model", \.machine.cpuModel),
        logicalCPUs, usableCPUs, cpuLimit,
        RunColumn("memory_bytes", write: { String($0.metadata.machine.memoryBytes) }, read: { cell, run in
            let memory = try cell.double(optional: true)
            run.metadata.machine.memoryBytes = memory >= 0 && memory < 1.8e19 ? UInt64(memory) : 0
        }),
        RunColumn("swift_version", write: { _ in BuildInfo.swiftVersion }, read: { $1.swiftVersion = $0.text }),
        RunColumn("threadbench_version", write: { _ in BuildInfo.version }, read: { $1.threadbenchVersion = $0.text }),
        RunColumn("build_config", write: { _ in BuildInfo.configuration }, read: { $1.buildConfiguration = $0.text }),
        RunColumn("spawn_join_floor_us", write: { CSVText.number($0.metadata.spawnJoinFloorMicros) }, read: { cell, run in
            run.metadata.spawnJoinFloorMicros = try cell.double(optional: true)
        }),
        runComplete, machineChecks,
    ]

    /// Whether a row says its run finished: anything but `false` does.
    static func isComplete(_ row: CSVRunReader.Row) -> Bool { row[runComplete.name] != "false" }

    /// A column of text from the run or its machine, written neutralised and read back as it stands.
    private static func text(_ name: String, _ path: WritableKeyPath<RunMetadata, String> & Sendable) -> RunColumn {
        RunColumn(name, write: { CSVText.neutralized($0.metadata[keyPath: path]) },
                  read: { cell, run in run.metadata[keyPath: path] = cell.text })
    }

    /// The usable CPUs and their limit; an empty or missing `usable_cpus` (a version-1 file)
    /// means all the logical CPUs, with no limit.
    private static func readUsableCPUs(_ cell: CSVCell, into machine: inout MachineInfo) throws {
        machine.usableCPUs = machine.logicalCPUs
        machine.cpuLimit = nil
        guard !cell.isBlank else { return }
        let usable = try cell.int()
        guard (1...machine.logicalCPUs).contains(usable) else {
            throw cell.bad(expected: "a CPU count from 1 to \(logicalCPUs.name) (\(machine.logicalCPUs))")
        }
        machine.usableCPUs = usable
        let limit = CSVCell(row: cell.row, column: cpuLimit.name)
        if limit.isBlank || limit.text.trimmingCharacters(in: .whitespaces) == "none" { return }
        guard let parsed = UsableCPUs.Limit(rawValue: limit.text.trimmingCharacters(in: .whitespaces)) else {
            throw limit.bad(expected: "none, affinity mask, cgroup cpu.max or cgroup v1 quota")
        }
        machine.cpuLimit = parsed
    }
}
