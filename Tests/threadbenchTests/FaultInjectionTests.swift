import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif
import ThreadBenchStorage

/// Faults injected into real runs of the binary: a fixture server killed mid-run, a server
/// that accepts and never answers, a full disk and read-only folders (tmpfs mounts), and
/// Ctrl-C during the file workload, once and twice.
@Suite(.serialized) struct FaultInjectionTests {
    // MARK: HTTP

    @Test func fixtureServerKilledMidRunGivesErrorRowsAndTheRunCompletes() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CLI.binary)
        server.arguments = ["serve", "--port", "0", "--event-loops", "1"]
        let serverOut = Pipe()
        server.standardOutput = serverOut
        server.standardError = Pipe()
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() } }
        let line = Child.readLine(serverOut.fileHandleForReading)
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }, "\(line)")

        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Child.start(["run", "--workloads", "http", "--url", "http://127.0.0.1:\(port)/delay?ms=30",
                                   "--threads", "1,2", "--tasks", "4", "--repetitions", "8", "--warmup", "0",
                                   "--runtimes", "swift", "--http-timeout", "2", "--out", folder])
        #expect(Child.waitForRawCSV(in: folder) != nil, "no batch finished while the server was up")
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        let result = try Child.finish(run, within: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Child.rawRows(in: folder)
        #expect(rows.count == 16, "every planned batch is in the CSV")
        #expect(rows.first?["errors"] == "0", "the first batch ran against a live server")
        let last = try #require(rows.last)
        #expect(last["errors"] == "4", "every request after the kill fails: \(last)")
        #expect(last["first_error"]?.contains("127.0.0.1:\(port)") == true, "\(last)")
        #expect(rows.allSatisfy { $0["run_complete"] == "true" })
        #expect(result.stderr.contains("http: ") && result.stderr.contains("first error: GET"), "\(result.stderr)")
        #expect(result.stdout.contains("errors or timeouts"))
    }

    @Test func serverThatHangsAfterThePreflightTimesOutEveryTransfer() throws {
        let server = try HangingServer(answerFirst: 1)
        defer { server.stop() }
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Child.start(["run", "--workloads", "http", "--url", "http://127.0.0.1:\(server.port)/",
                                   "--threads", "1,2", "--tasks", "2", "--repetitions", "1", "--warmup", "0",
                                   "--runtimes", "swift", "--http-timeout", "0.5", "--out", folder])
        let result = try Child.finish(run, within: 60)
        #expect(result.status == 1, "no batch succeeded: \(result.stderr)")
        #expect(result.stderr.contains("threadbench: error: no batch succeeded"), "\(result.stderr)")
        let rows = try Child.rawRows(in: folder)
        #expect(rows.count == 2)
        for row in rows {
            #expect(row["errors"] == "2", "\(row)")
            #expect(row["ops"] == "2")
            #expect(row["first_error"]?.lowercased().contains("timed out") == true, "\(row)")
            #expect(row["run_complete"] == "true")
        }
        #expect(server.accepted >= 4, "every transfer reached the server")
    }

    @Test func serverThatNeverAnswersFailsThePreflightWithinTheTimeout() throws {
        let server = try HangingServer(answerFirst: 0)
        defer { server.stop() }
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = Date()
        let result = try CLI.run(["run", "--workloads", "http", "--url", "http://127.0.0.1:\(server.port)/",
                                  "--threads", "1", "--quick", "--http-timeout", "1", "--out", folder])
        #expect(result.status == 1)
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("--url is not usable") && result.stderr.lowercased().contains("timed out"))
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    // MARK: Disk

    @Test(.enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root with CAP_SYS_ADMIN; skipped here"))
    func fullDiskDuringFileGivesENOSPCRowsAndRemovesTheTempFolder() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = try Tmpfs(folder + "/disk", options: "size=2m")
        defer { disk.unmount() }
        let result = try CLI.run(["run", "--workloads", "file", "--file-dir", disk.path, "--file-bytes", "4194304",
                                  "--threads", "1,2", "--tasks", "2", "--repetitions", "1", "--warmup", "0",
                                  "--runtimes", "swift", "--out", folder + "/out"])
        #expect(result.status == 1, "every batch failed: \(result.stderr)")
        let rows = try Child.rawRows(in: folder + "/out")
        #expect(rows.count == 2)
        for row in rows {
            #expect(row["errors"] == "2", "\(row)")
            #expect(row["first_error"]?.contains("No space left on device (ENOSPC)") == true, "\(row)")
        }
        #expect(result.stderr.contains("file: 4 failed tasks") && result.stderr.contains("ENOSPC"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty, "temp folder left")
    }

    @Test(.enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root with CAP_SYS_ADMIN; skipped here"))
    func readOnlyFoldersFailBeforeAnyBatch() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let readOnly = try Tmpfs(folder + "/ro", options: "ro,size=1m")
        defer { readOnly.unmount() }
        let fileDir = try CLI.run(["run", "--workloads", "file", "--file-dir", readOnly.path, "--threads", "1",
                                   "--quick", "--out", folder + "/out"])
        #expect(fileDir.status == 1)
        #expect(CLI.errorLines(fileDir).count == 1, "\(fileDir.stderr)")
        #expect(fileDir.stderr.contains("Read-only file system (EROFS)"), "\(fileDir.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder + "/out"))?.isEmpty ?? true)
        let out = try CLI.run(["run", "--workloads", "sleep", "--threads", "1", "--quick", "--out", readOnly.path])
        #expect(out.status == 1)
        #expect(CLI.errorLines(out).count == 1, "\(out.stderr)")
        #expect(out.stderr.contains("cannot write \(readOnly.path)"), "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly.path).isEmpty)
    }

    @Test(.enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root with CAP_SYS_ADMIN; skipped here"))
    func outFolderFillingUpKeepsEveryBatchWrittenBefore() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = try Tmpfs(folder + "/out", options: "size=64k")
        defer { disk.unmount() }
        // Each batch rewrites the raw file (temp + rename): it stops fitting at some tens of rows.
        let result = try CLI.run(["run", "--workloads", "sleep", "--sleep-ms", "0", "--threads", "1,2", "--tasks", "2",
                                  "--repetitions", "200", "--warmup", "0", "--out", disk.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: disk.path)
        #expect(!files.contains { $0.hasPrefix(".") }, "temporary files left: \(files)")
        let raw = try #require(files.first { $0.hasSuffix(".csv") && !$0.contains("-summary") && !$0.contains("-model") })
        let run = try CSVRunReader.read(path: disk.path + "/" + raw)
        #expect(run.records.count >= 4, "the batches written before the disk filled are readable")
        #expect(!run.complete)
    }

    // MARK: Ctrl-C during the file workload

    @Test func sigintDuringALongFileBatchEndsPromptlyAndRemovesTheTempFolder() throws {
        let (result, fileDir, seconds) = try interruptFileRun(signals: 1)
        defer { try? FileManager.default.removeItem(atPath: fileDir) }
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted"))
        #expect(seconds < 20, "the batch in flight is cut short, not waited for (\(seconds) s)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fileDir).isEmpty, "temp folder left")
    }

    @Test func secondSigintRemovesTheTempFolderBeforeExiting() throws {
        let (result, fileDir, _) = try interruptFileRun(signals: 2, bytesPerTask: 64 << 20)
        defer { try? FileManager.default.removeItem(atPath: fileDir) }
        #expect(result.status == 130, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fileDir).isEmpty, "temp folder left")
        // The first signal's clean stop prints this; the second signal's exit does not.
        #expect(!result.stderr.contains("finished batches kept"), "the second signal did not land: \(result.stderr)")
    }

    /// Starts a file run whose batches take many seconds, waits for its temp folder, sends
    /// SIGINT `signals` times in a row, and returns what the process did and how long it took.
    private func interruptFileRun(signals: Int, bytesPerTask: Int = 4 << 20) throws -> (Child.Result, String, Double) {
        let fileDir = CLI.temporaryFolder()
        let out = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try Child.start(["run", "--workloads", "file", "--file-dir", fileDir, "--file-bytes", String(bytesPerTask),
                                   "--threads", "2", "--tasks", "2000", "--repetitions", "3", "--warmup", "0",
                                   "--runtimes", "swift", "--out", out])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline,
              !((try? FileManager.default.contentsOfDirectory(atPath: fileDir)) ?? []).contains(where: {
                  $0.hasPrefix("threadbench-file-") }) {
            usleep(20_000)
        }
        usleep(300_000)  // inside the batch, files being written
        let sent = Date()
        kill(run.process.processIdentifier, SIGINT)
        // Signals sent back to back merge into one; later ones go every 5 ms until it exits,
        // so one lands while the first is still stopping the batch.
        for _ in 1..<signals {
            for _ in 0..<400 where run.process.isRunning {
                usleep(5_000)
                kill(run.process.processIdentifier, SIGINT)
            }
        }
        let result = try Child.finish(run, within: 120)
        return (result, fileDir, Date().timeIntervalSince(sent))
    }
}
