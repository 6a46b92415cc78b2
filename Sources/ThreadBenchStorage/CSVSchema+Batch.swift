import ThreadBenchModel

/// A batch's figures as a raw row carries them: the record, and whether its wall time is an
/// outlier among its repetitions (a modified Z-score above 3.5).
package typealias RawCells = (record: BatchRecord, outlier: Bool)

extension CSVSchema {
    /// A key column: written from a record or a summary row, read back into a record.
    package typealias KeyColumn = CSVColumn<any BatchIdentity, BatchRecord>
    /// A raw-file figure: written from a record, read back into it.
    package typealias RawColumn = CSVColumn<RawCells, BatchRecord>

    package static let workload = KeyColumn("workload", write: { CSVText.neutralized($0.workload) }, read: { cell, record in
        guard !cell.text.isEmpty else { throw cell.bad(expected: "a workload name") }
        record.workload = cell.text
    })
    package static let kind = KeyColumn("kind", write: { $0.kind.rawValue }, read: { cell, record in
        guard let kind = WorkloadKind(rawValue: cell.text) else {
            throw cell.bad(expected: "one of " + WorkloadKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        record.kind = kind
    })
    package static let runtime = KeyColumn("runtime", write: { CSVText.neutralized($0.runtime.rawValue) }, read: { cell, record in
        guard !cell.text.isEmpty else { throw cell.bad(expected: "a runtime name") }
        record.runtime = Runtime(rawValue: cell.text)
    })
    package static let runtimeVersion = KeyColumn("runtime_version", write: { CSVText.neutralized($0.runtimeVersion) },
                                          read: { $1.runtimeVersion = $0.text })
    /// 1 for a free-threaded CPython build (`Py_GIL_DISABLED`), 0 for a GIL build; empty for
    /// the Swift runtimes and in files before version 4. Read with `python_gil_enabled`.
    package static let pythonFreeThreaded = KeyColumn("python_free_threaded", write: { flag($0.pythonGIL?.freeThreadedBuild) },
                                                      read: { cell, record in
        guard !cell.isBlank else { return }
        let enabled = CSVCell(row: cell.row, column: pythonGILEnabled.name)
        record.pythonGIL = PythonGILState(freeThreadedBuild: try readFlag(cell), enabled: try readFlag(enabled))
    })
    /// 1 when the GIL was on while the batch ran (`sys._is_gil_enabled()`), 0 when off.
    package static let pythonGILEnabled = KeyColumn("python_gil_enabled", write: { flag($0.pythonGIL?.enabled) })

    /// "1", "0", or empty for nil.
    private static func flag(_ value: Bool?) -> String { value.map { $0 ? "1" : "0" } ?? "" }

    /// A cell of "1" or "0".
    private static func readFlag(_ cell: CSVCell) throws -> Bool {
        switch cell.text.trimmingCharacters(in: .whitespaces) {
        case "1": return true
        case "0": return false
        default: throw cell.bad(expected: "1 or 0")
        }
    }

    package static let scaling = KeyColumn("scaling", write: { $0.scaling.rawValue }, read: { cell, record in
        guard let scaling = Scaling(rawValue: cell.text) else { throw cell.bad(expected: "strong or weak") }
        record.scaling = scaling
    })
    package static let threads = KeyColumn("threads", write: { String($0.threads) }, read: { cell, record in
        record.threads = try cell.int()
        guard record.threads >= 1 else { throw cell.bad(expected: "a thread count of 1 or more") }
    })
    package static let taskWork = KeyColumn("task_work", write: { $0.taskWork.isSpecified ? CSVText.number($0.taskWork.amount) : "" },
                                    read: { cell, record in
        let unit = cell.row[taskWorkUnit.name].trimmingCharacters(in: .whitespaces)
        if !unit.isEmpty { record.taskWork = TaskWork(amount: try cell.double(), unit: unit) }
    })
    /// Read with `task_work`: the amount means nothing without its unit.
    package static let taskWorkUnit = KeyColumn("task_work_unit", write: { CSVText.neutralized($0.taskWork.unit) })

    /// Which batch a row describes.
    package static let batchKey: [KeyColumn] = [
        workload, kind, runtime, runtimeVersion, pythonFreeThreaded, pythonGILEnabled,
        KeyColumn("switch_interval_ms", write: { CSVText.number($0.switchIntervalMs) },
                  read: { $1.switchIntervalMs = try $0.double(optional: true) }),
        scaling,
        threads,
        KeyColumn("tasks", write: { String($0.tasks) }, read: { $1.tasks = try $0.int() }),
        taskWork, taskWorkUnit,
    ]

    package static let repetition = RawColumn("repetition", write: { String($0.record.repetition) },
                                      read: { $1.repetition = try $0.int() })
    package static let outlier = RawColumn("outlier", write: { $0.outlier ? "1" : "0" })
    package static let errors = "errors"
    package static let timedOut = "timed_out"
    package static let precisionTarget = RawColumn("precision_target_pct", write: { cells in
        cells.record.precisionTarget.map { CSVText.number($0 * 100) } ?? ""
    }, read: { cell, record in
        guard !cell.isBlank else { return }
        let percent = try cell.double()
        guard percent > 0 else { throw cell.bad(expected: "a percentage above 0") }
        record.precisionTarget = percent / 100
    })

    /// The workers' CPU over the wall (`BatchRecord.coresBusy`): written for readers of the file,
    /// derived again from `thread_cpu_s` and `wall_s` when read.
    package static let coresBusy = RawColumn("cores_busy", write: { $0.record.coresBusy.map(CSVText.number) ?? "" })
    /// 1 for a pilot round's batch (`BatchRecord.isPilot`); absent in files before version 3.
    package static let pilot = RawColumn("pilot", write: { $0.record.isPilot ? "1" : "0" },
                                         read: { $1.isPilot = $0.text.trimmingCharacters(in: .whitespaces) == "1" })

    /// Steal during the batch (`BatchRecord.stealSeconds`); absent in files before it was measured.
    package static let stealSeconds = optionalSeconds("steal_s", \.stealSeconds)
    /// CPU the rest of the machine used during the batch (`BatchRecord.otherCPUSeconds`).
    package static let otherCPUSeconds = optionalSeconds(SharedFigureNames.otherCPUSeconds, \.otherCPUSeconds)

    /// A figure in seconds that a batch may lack: an empty cell both ways.
    private static func optionalSeconds(_ name: String, _ path: WritableKeyPath<BatchRecord, Seconds?> & Sendable)
        -> RawColumn {
        RawColumn(name, write: { $0.record[keyPath: path].map(CSVText.number) ?? "" }, read: { cell, record in
            record[keyPath: path] = cell.isBlank ? nil : try cell.double()
        })
    }

    /// The raw file's own figures, after the key.
    package static let rawFigures: [RawColumn] = [
        repetition,
        RawColumn("wall_s", write: { CSVText.number($0.record.wallSeconds) }, read: { cell, record in
            record.wallSeconds = try cell.double()
            guard record.wallSeconds >= 0 else { throw cell.bad(expected: "a duration of 0 or more") }
        }),
        outlier,
        .number("work_s", \.workSeconds) { $0.record.workSeconds },
        .number("cpu_user_s", \.cpuUserSeconds) { $0.record.cpuUserSeconds },
        .number("cpu_sys_s", \.cpuSysSeconds) { $0.record.cpuSysSeconds },
        .number("thread_cpu_s", \.threadCPUSeconds) { $0.record.threadCPUSeconds },
        .count("ctx_voluntary", \.voluntaryContextSwitches) { $0.record.voluntaryContextSwitches },
        .count("ctx_involuntary", \.involuntaryContextSwitches) { $0.record.involuntaryContextSwitches },
        .number("spawn_p50_us", \.spawnP50Micros) { $0.record.spawnP50Micros },
        .number("start_p50_us", \.startP50Micros) { $0.record.startP50Micros },
        .number("start_max_us", \.startMaxMicros) { $0.record.startMaxMicros },
        .number("join_p50_us", \.joinP50Micros) { $0.record.joinP50Micros },
        .number("join_max_us", \.joinMaxMicros) { $0.record.joinMaxMicros },
        .number("task_p50_ms", \.taskP50Millis) { $0.record.taskP50Millis },
        .number("task_p99_ms", \.taskP99Millis) { $0.record.taskP99Millis },
        .number("gil_wait_s", \.gilWaitSeconds) { $0.record.gilWaitSeconds },
        .count("ops", \.ops) { $0.record.ops },
        .count("bytes", \.bytes) { $0.record.bytes },
        .count(errors, \.errors) { $0.record.errors },
        .count(timedOut, \.timedOut) { $0.record.timedOut },
        RawColumn("first_error", write: { CSVText.neutralized($0.record.firstError) }, read: { $1.firstError = $0.text }),
        precisionTarget,
        coresBusy,
        pilot,
        stealSeconds,
        otherCPUSeconds,
    ]

    /// Workload-specific figures (`MetricColumns`), empty where a workload does not report them.
    package static let metrics: [RawColumn] = MetricColumns.all.map { name in
        RawColumn(name, write: { $0.record.metrics[name].map(CSVText.number) ?? "" }, read: { cell, record in
            if !cell.text.isEmpty { record.metrics[name] = try cell.double() }
        })
    }
}
