import Foundation

/// The batch ThreadBench hands the CPython driver, as JSON on its command line (contract 1);
/// a round's batches go as a JSON list of these.
struct DriverRequest: Encodable {
    var contract = DriverReport.contract
    var workload: String
    var threads: Int
    var tasks: Int
    /// Each thread's `[low, high)` tasks; nil when they are the even split the driver computes itself.
    var ranges: [[Int]]?
    var timeout_s: Double
    var switch_interval_ms: Double
    var params: [String: PythonValue]
    /// "processes" for `cpython-processes`; nil (absent) runs threads.
    var mode: String?
    /// The start method, for processes.
    var start_method: String?

    /// The request for `spec`, with `workload`'s Python parameters, run on `workers`.
    init(spec: BatchSpec, workload: any PythonPortable, workers: PythonWorkers = .threads) {
        self.workload = workload.pythonWorkload
        threads = spec.threads
        tasks = spec.tasks
        let split = (0..<spec.threads).map {
            workload.taskRange(threadIndex: $0, threadCount: spec.threads, totalTasks: spec.tasks)
        }
        let even = (0..<spec.threads).allSatisfy {
            split[$0] == TaskSplit.range(threadIndex: $0, threadCount: spec.threads, totalTasks: spec.tasks)
        }
        ranges = even ? nil : split.map { [$0.lowerBound, $0.upperBound] }
        timeout_s = spec.timeoutSeconds
        switch_interval_ms = spec.switchIntervalMs
        params = workload.pythonParameters
        mode = workers == .threads ? nil : workers.mode
        start_method = workers.startMethod?.rawValue
    }

    /// The request as one line of JSON.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// What the CPython driver prints for one batch: one JSON object on one line of stdout (a
/// round's batches print a line each, in order).
///
/// The contract, field by field, is in docs/CPYTHON.md. Fields after `error` are absent
/// when the driver refused the batch (`error` set).
struct DriverReport: Decodable, Equatable {
    /// The contract version both sides speak.
    static let contract = 1

    var contract: Int
    var implementation: String
    var python_version: String
    var gil_enabled: Bool
    /// Whether it is a free-threaded build (`Py_GIL_DISABLED`); absent from older drivers.
    var free_threaded: Bool?
    var switch_interval_ms: Double
    /// Why the driver refused the batch, or nil.
    var error: String?
    /// The batch's wall, the workers' time from gate to last finish, the driver's CPU.
    var wall_s, work_s, cpu_user_s, cpu_sys_s: Double?
    var ctx_voluntary, ctx_involuntary, timed_out: Int?
    var threads: [ThreadReport]?
    /// `PythonWorkers.mode`; absent from drivers older than the processes mode (threads).
    var mode: String?
    /// The start method that ran, for processes; null for threads.
    var start_method: String?
    /// The driver process's id; absent from drivers older than rounds in one process.
    var pid: Int?

    /// One worker thread; the measurements are present only when it finished before the deadline.
    struct ThreadReport: Decodable, Equatable {
        var index: Int
        var finished: Bool
        var spawn_us: Double
        var start_latency_us, run_s, join_latency_us, cpu_s: Double?
        var ops, bytes, errors: Int?
        var first_error: String?
        var task_ms: [Double]?
        var samples_ms: [String: [Double]]?
        /// A process's `Process.exitcode`: 0, its exit status, or minus the signal; nil for threads.
        var exitcode: Int?
        /// "terminate" or "kill" when the driver had to stop a process at the batch timeout.
        var ended_by: String?
    }

    /// Parses the last non-empty line of `output` and checks it against the batch it answers.
    /// - Parameter workers: what the batch asked its workers to run on.
    /// - Throws: `DriverContractError` saying, in one line, what is missing or wrong.
    static func parse(_ output: Data, threads: Int, workers: PythonWorkers = .threads) throws -> DriverReport {
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else { throw DriverContractError(description: "printed nothing") }
        let report: DriverReport
        do {
            report = try JSONDecoder().decode(DriverReport.self, from: Data(line.utf8))
        } catch let error as DecodingError {
            throw DriverContractError(description: "\(Self.describe(error)) in '\(line.prefix(80))'")
        }
        try report.validate(threads: threads, workers: workers)
        return report
    }

    /// Checks the fields a decoder cannot: versions, counts, signs.
    func validate(threads expected: Int, workers: PythonWorkers = .threads) throws {
        func fail(_ why: String) -> DriverContractError { DriverContractError(description: why) }
        guard contract == Self.contract else { throw fail("contract \(contract), expected \(Self.contract)") }
        guard !python_version.isEmpty else { throw fail("empty python_version") }
        if error != nil { return }
        guard (mode ?? PythonWorkers.threads.mode) == workers.mode else {
            throw fail("ran \(mode ?? PythonWorkers.threads.mode) where \(workers.mode) were asked for")
        }
        if let method = workers.startMethod, start_method != method.rawValue {
            throw fail("start method \(start_method.map { "'\($0)'" } ?? "missing"), expected '\(method.rawValue)'")
        }
        guard let wall = wall_s, let work = work_s, let threads, let timedOut = timed_out,
              cpu_user_s != nil, cpu_sys_s != nil, ctx_voluntary != nil, ctx_involuntary != nil else {
            let fields: [(key: CodingKeys, absent: Bool)] = [
                (.wall_s, wall_s == nil), (.work_s, work_s == nil), (.threads, self.threads == nil),
                (.timed_out, timed_out == nil), (.cpu_user_s, cpu_user_s == nil), (.cpu_sys_s, cpu_sys_s == nil),
                (.ctx_voluntary, ctx_voluntary == nil), (.ctx_involuntary, ctx_involuntary == nil)]
            let missing = fields.filter(\.absent).map(\.key)
            throw fail("missing \(missing.map(\.stringValue).joined(separator: ", "))")
        }
        guard wall.isFinite, wall >= 0, work.isFinite, work >= 0, work <= wall + 1e-3 else {
            throw fail("impossible times: wall_s \(wall), work_s \(work)")
        }
        guard threads.count == expected else { throw fail("\(threads.count) threads reported, \(expected) run") }
        guard timedOut == threads.filter({ !$0.finished }).count else {
            throw fail("timed_out \(timedOut) does not match the unfinished threads")
        }
        for (position, thread) in threads.enumerated() {
            guard thread.index == position else { throw fail("thread \(position) reported as index \(thread.index)") }
            guard thread.finished else { continue }
            guard let start = thread.start_latency_us, let run = thread.run_s, let join = thread.join_latency_us,
                  let cpu = thread.cpu_s, let ops = thread.ops, let bytes = thread.bytes, let errors = thread.errors,
                  thread.task_ms != nil else {
                throw fail("thread \(position) finished but lacks its measurements")
            }
            let times = [thread.spawn_us, start, run, join, cpu] + (thread.task_ms ?? [])
            guard times.allSatisfy({ $0.isFinite && $0 >= 0 }), ops >= 0, bytes >= 0, errors >= 0 else {
                throw fail("thread \(position) has a negative or non-finite measurement")
            }
        }
    }

    /// One line for a decoding error: which field, and what was wrong with it.
    private static func describe(_ error: DecodingError) -> String {
        let path = { (context: DecodingError.Context) in
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field '\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type for '\(path(context))'"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value for '\(path(context))'"
        @unknown default:
            return "unreadable report"
        }
    }
}

/// A driver report that breaks the contract; the description is one line.
struct DriverContractError: Error, CustomStringConvertible {
    let description: String
}
