import ArgumentParser
import ThreadBenchModel
import ThreadBenchSuite

/// The options of `run` that size the workloads' tasks: sleep, http and file.
struct WorkloadOptions: ParsableArguments {
    @Option(name: .customLong("sleep-ms"), help: "Milliseconds each sleep task waits (default 3, 1 with --quick).") var sleepMs: Double?
    @Option(help: "URL every http task GETs instead of the embedded fixture server (http:// or https://).") var url: String?
    @Option(name: .customLong("http-delay-ms"), help: "Milliseconds the embedded server waits before answering (default 3, 1 with --quick).") var httpDelayMs: Int?
    @Option(name: .customLong("http-bytes"), help: "Body bytes the embedded server sends per request (default 16384, 4096 with --quick).") var httpBytes: Int?
    @Option(name: .customLong("http-timeout"), help: "Seconds one HTTP request may take before it counts as an error.") var httpTimeoutSeconds: Double?
    @Flag(name: .customLong("http-no-reuse"), help: "Open a new connection for every HTTP request (default: keep-alive).") var httpNoReuse = false
    @Option(name: .customLong("file-bytes"), help: "Bytes each file task writes, fsyncs and reads back (default 262144, 65536 with --quick).") var fileBytes: Int?
    @Option(name: .customLong("file-dir"), help: "Folder for the file workload's private temp folder (default: $TMPDIR or /tmp).") var fileDir: String?

    /// The options that set the values a `SuiteOptionError` names.
    static let flags: [SuiteOption: String] = [
        .sleepMs: "--sleep-ms", .httpURL: "--url", .httpDelayMs: "--http-delay-ms", .httpBytes: "--http-bytes",
        .httpTimeoutSeconds: "--http-timeout", .fileBytes: "--file-bytes", .fileDir: "--file-dir",
    ]

    /// The suite's options, in quick sizes or not, checked against their limits.
    /// - Throws: `ValidationError` in one line naming the option at fault.
    func suiteOptions(quick: Bool) throws -> SuiteOptions {
        var options = SuiteOptions(quick: quick)
        (options.sleepMs, options.httpURL, options.httpDelayMs, options.httpBytes) = (sleepMs, url, httpDelayMs, httpBytes)
        (options.httpTimeoutSeconds, options.httpReuse, options.fileBytes, options.fileDir) = (httpTimeoutSeconds, !httpNoReuse, fileBytes, fileDir)
        do {
            try options.check()
        } catch let error as SuiteOptionError {
            throw ValidationError("\(Self.flags[error.setting] ?? error.setting.rawValue) \(error.problem)")
        }
        if url != nil, httpDelayMs != nil || httpBytes != nil {
            throw ValidationError("--http-delay-ms and --http-bytes set the embedded server; they do not apply with --url")
        }
        return options
    }
}
