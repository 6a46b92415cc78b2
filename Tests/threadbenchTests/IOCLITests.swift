import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct IOCLITests {
    static let badInputs: [[String]] = [
        ["run", "--url", "notaurl"],
        ["run", "--url", "ftp://example.org/x"],
        ["run", "--url", "http://"],
        ["run", "--http-delay-ms=-1"],
        ["run", "--http-delay-ms", "999999"],
        ["run", "--http-bytes=-1"],
        ["run", "--http-timeout", "0"],
        ["run", "--file-bytes=-5"],
        ["run", "--file-bytes", "0"],
        ["run", "--file-dir", "/nonexistent-threadbench"],
        ["run", "--file-dir", "/etc/hostname"],
        ["run", "--url", "http://127.0.0.1:9/", "--http-delay-ms", "5"],
        ["serve", "--port", "70000"],
        ["serve", "--port=-1"],
    ]

    @Test(arguments: badInputs)
    func badInputGetsOneLineAndNoFile(_ arguments: [String]) throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let extra = arguments.first == "run" ? ["--out", folder] : []
        let result = try CLI.run(arguments + extra)
        #expect(result.status == 64, "\(arguments): status \(result.status)")
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(arguments): \(result.stderr)")
        #expect(lines.first?.hasPrefix("threadbench: error: ") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func unreachableURLFailsBeforeAnyBatch() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "sleep,http", "--threads", "1,2", "--quick",
                                  "--url", "http://127.0.0.1:\(closedPort())/", "--out", folder])
        #expect(result.status == 1)
        let lines = CLI.errorLines(result)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("--url"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func unusableFileDirFailsBeforeAnyBatch() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "file", "--threads", "1", "--quick", "--file-dir", "/proc",
                                  "--out", folder])
        #expect(result.status == 1)
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("--file-dir /proc"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func ioWorkloadsRunAndZeroDelayIsCalledCPUBound() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "http,file,convoy", "--threads", "1,2", "--quick",
                                  "--repetitions", "1", "--warmup", "0", "--http-delay-ms", "0",
                                  "--file-dir", folder, "--out", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("note: http:"))
        #expect(result.stdout.contains("CPU-bound"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!files.contains { $0.hasPrefix("threadbench-file-") }, "the file workload's temp folder must be gone: \(files)")
        let raw = try #require(files.first { $0.hasSuffix(".csv") && !$0.contains("-summary") && !$0.contains("-model") })
        let text = try String(contentsOfFile: folder + "/" + raw, encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = rows[0]
        let errors = try #require(header.firstIndex(of: "errors"))
        let total = try #require(header.firstIndex(of: "http_total_p50_ms"))
        let mib = try #require(header.firstIndex(of: "mib_per_s"))
        let io = try #require(header.firstIndex(of: "io_baseline_p50_ms"))
        let workload = try #require(header.firstIndex(of: "workload"))
        for row in rows.dropFirst() {
            #expect(row[errors] == "0", "\(row)")
            switch row[workload] {
            case "http": #expect(!row[total].isEmpty)
            case "file": #expect(!row[mib].isEmpty)
            default: #expect(!row[io].isEmpty)
            }
        }
    }

    @Test func serveRefusesAPortInUseAndStopsOnSIGTERM() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["serve", "--port", "0"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let line = Child.readLine(out.fileHandleForReading)
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
        #expect(line.hasPrefix("serving on http://127.0.0.1:"))

        let second = try CLI.run(["serve", "--port", String(port)])
        #expect(second.status == 1)
        #expect(CLI.errorLines(second).count == 1, "\(second.stderr)")
        #expect(second.stderr.contains("already in use"))

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(errText.contains("server stopped"))
    }

    /// A loopback port nothing listens on: bound, then closed.
    private func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let port = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int in
                _ = bind(fd, raw, length)
                _ = getsockname(fd, raw, &length)
                return Int(UInt16(bigEndian: pointer.pointee.sin_port))
            }
        }
        close(fd)
        return port
    }
}
