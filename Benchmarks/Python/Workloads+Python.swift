import ThreadBenchMeasurement
import ThreadBenchModel

// The Python side of each workload: what the CPython driver (threadbench_driver.py) is
// given to run the same tasks, and how its version differs from the Swift one.

extension MathWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] { ["iterations": .int(sizes.cpython)] }
    public var pythonDifference: String? {
        "the lesson's own pure-Python loop; each iteration costs about 70 times more than in Swift, so a task "
            + "runs \(sizes.cpython) iterations instead of \(sizes.swift), for batches of about the same time"
    }
}

extension PrimesWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] {
        ["numbers": .int(sizes.cpython), "base": .int(Self.base)]
    }
    public var pythonDifference: String? {
        "the same trial division in pure Python, \(sizes.cpython) integers per task instead of \(sizes.swift), "
            + "for batches of about the same time"
    }
}

extension SleepWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] { ["sleep_ms": .double(sleepMs)] }
    public var pythonDifference: String? { "time.sleep, which releases the real GIL while it waits" }
}

extension HTTPWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] {
        var parameters: [String: PythonValue] = [
            "url": .string(url ?? ""), "reuse": .bool(reuse), "request_timeout_s": .double(timeoutSeconds),
        ]
        if externalURL == nil { parameters["expect_bytes"] = .int(bodyBytes) }
        return parameters
    }
    public var pythonDifference: String? {
        "http.client (what urllib.request runs on) against the same URL, a keep-alive connection per thread "
            + "as with libcurl (new per request with --http-no-reuse); parsing the response runs under the GIL"
    }
}

extension FileWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] {
        ["bytes": .int(bytesPerTask), "folder": .string(folder ?? "")]
    }
    public var pythonDifference: String? {
        "open/write/fsync/read with Python file objects in the same private folder; the byte comparison "
            + "runs under the GIL; mib_per_s is over the batch's work time, not first task to last"
    }
    public func pythonBatchMetrics(_ batch: PythonBatchFigures) -> [String: Double] {
        guard batch.bytes > 0, batch.workSeconds > 0 else { return [:] }
        return [MetricColumns.mibPerSecond: Double(batch.bytes) / 1_048_576 / batch.workSeconds]
    }
}

extension ConvoyWorkload: PythonPortable {
    public var pythonParameters: [String: PythonValue] { ["io_ms": .double(requestMs)] }
    public var pythonDifference: String? {
        "the same phases with time.sleep and the lesson's loop; the real GIL, not the emulated one, "
            + "decides how long a waking thread waits behind the computing one"
    }
}
