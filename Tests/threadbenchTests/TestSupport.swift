import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import ThreadBenchStorage

/// Runs the built `threadbench` binary and captures what it did.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// The binary built beside this test bundle.
    static var binary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var folder = bundle
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("threadbench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("threadbench").path
    }

    /// Runs `threadbench` with `arguments`, through `sh -c` when a shell prefix is given.
    static func run(_ arguments: [String], shellPrefix: String? = nil) throws -> Result {
        let process = Process()
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.arguments = ["-c", "\(shellPrefix); exec \(quoted.joined(separator: " "))"]
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh empty folder, removed by the caller.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "tb-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Error lines only, without the debug-build warning.
    static func errorLines(_ result: Result) -> [Substring] {
        result.stderrLines.filter { !$0.contains("debug build") }
    }

    /// The name of a run's raw CSV in `folder`, among its summary, model, chart and any
    /// hidden temporary file; nil when there is none (yet).
    static func rawCSVName(in folder: String) -> String? {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).first {
            $0.hasSuffix(".csv") && !$0.hasPrefix(".") && !$0.hasSuffix("-summary.csv") && !$0.hasSuffix("-model.csv")
        }
    }
}

/// A child `threadbench` whose output is collected while it runs.
enum Child {
    struct Running {
        let process: Process
        let out: FileHandle
        let err: FileHandle
        let outFile: String
        let errFile: String
    }

    typealias Result = CLI.Result

    static func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        let stamp = NSTemporaryDirectory() + "tb-child-" + UUID().uuidString
        FileManager.default.createFile(atPath: stamp + ".out", contents: nil)
        FileManager.default.createFile(atPath: stamp + ".err", contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: stamp + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: stamp + ".err"))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err, outFile: stamp + ".out", errFile: stamp + ".err")
    }

    /// Waits for the child at most `seconds` (then kills it and records an issue).
    static func finish(_ child: Running, within seconds: Double) throws -> Result {
        let deadline = Date().addingTimeInterval(seconds)
        while child.process.isRunning, Date() < deadline { usleep(20_000) }
        if child.process.isRunning {
            Issue.record("threadbench still running after \(seconds) s; killed")
            kill(child.process.processIdentifier, SIGKILL)
        }
        child.process.waitUntilExit()
        try? child.out.close()
        try? child.err.close()
        defer {
            try? FileManager.default.removeItem(atPath: child.outFile)
            try? FileManager.default.removeItem(atPath: child.errFile)
        }
        return Result(status: child.process.terminationStatus,
                      stdout: (try? String(contentsOfFile: child.outFile, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: child.errFile, encoding: .utf8)) ?? "")
    }

    /// The raw CSV's name once it exists in `folder` (60 s at most).
    static func waitForRawCSV(in folder: String) -> String? {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let name = CLI.rawCSVName(in: folder) { return name }
            usleep(20_000)
        }
        return nil
    }

    /// The raw CSV's rows as column -> cell, read with ThreadBench's own reader's rules (RFC 4180).
    static func rawRows(in folder: String) throws -> [[String: String]] {
        let name = try #require(CLI.rawCSVName(in: folder), "no raw CSV in \(folder)")
        let run = try CSVRunReader.read(path: folder + "/" + name)
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(lines.count - 1 == run.records.count, "one line per row: no cell holds a line break")
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(zip(header, cells), uniquingKeysWith: { first, _ in first })
        }
    }

    /// Reads up to the first newline, for at most 30 s.
    static func readLine(_ handle: FileHandle) -> String {
        var data = Data()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !data.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }
}

/// A loopback listener that answers its first `answerFirst` requests with 200 and then
/// accepts connections and never answers them. Bounded: it stops accepting after 200.
final class HangingServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var held: [Int32] = []
    private var stopped = false
    private var acceptedCount = 0
    private let done = DispatchSemaphore(value: 0)

    var accepted: Int { lock.withLock { acceptedCount } }

    init(answerFirst: Int) throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = listener
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int in
                guard bind(fd, raw, length) == 0, listen(fd, 64) == 0, getsockname(fd, raw, &length) == 0 else { return -1 }
                return Int(UInt16(bigEndian: pointer.pointee.sin_port))
            }
        }
        guard bound > 0 else { close(fd); throw CocoaError(.fileWriteUnknown) }
        port = bound
        Thread.detachNewThread { [self] in serve(answerFirst: answerFirst) }
    }

    private func serve(answerFirst: Int) {
        defer { done.signal() }
        var answered = 0
        for _ in 0..<200 {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            while poll(&poller, 1, 100) == 0 { if lock.withLock({ stopped }) { return } }
            if lock.withLock({ stopped }) { return }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            lock.withLock { acceptedCount += 1 }
            if answered < answerFirst {
                answered += 1
                var buffer = [UInt8](repeating: 0, count: 4096)
                _ = recv(client, &buffer, buffer.count, 0)
                let reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                _ = reply.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                close(client)
            } else {
                lock.withLock { held.append(client) }
            }
        }
    }

    func stop() {
        lock.withLock { stopped = true }
        _ = done.wait(timeout: .now() + 5)
        close(listener)
        lock.withLock { held.forEach { close($0) }; held = [] }
    }
}

/// A tmpfs mounted by the test (needs root with CAP_SYS_ADMIN), unmounted afterwards.
struct Tmpfs {
    let path: String

    /// Whether this process may mount a tmpfs: tried once, on a scratch folder.
    static let canMount: Bool = {
        let probe = NSTemporaryDirectory() + "tb-mount-probe-" + UUID().uuidString
        guard let mounted = try? Tmpfs(probe, options: "size=64k") else {
            try? FileManager.default.removeItem(atPath: probe)
            return false
        }
        mounted.unmount()
        return true
    }()

    init(_ path: String, options: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let readOnly = options.split(separator: ",").contains("ro")
        let data = options.split(separator: ",").filter { $0 != "ro" }.joined(separator: ",")
        guard Glibc.mount("tmpfs", path, "tmpfs", readOnly ? UInt(MS_RDONLY) : 0, data) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: reason])
        }
        self.path = path
    }

    func unmount() {
        _ = umount2(path, Int32(MNT_DETACH))
        try? FileManager.default.removeItem(atPath: path)
    }
}
