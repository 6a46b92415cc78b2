import Foundation
import Testing

@Suite(.serialized) struct InterruptionTests {
    /// Starts a long sleep run, waits for its first finished batch on disk, then sends `signal`.
    func interruptedRun(signal: Int32, expectedStatus: Int32) throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["run", "--workloads", "sleep", "--threads", "1,2", "--sleep-ms", "20", "--tasks", "4",
                             "--repetitions", "100", "--warmup", "0", "--out", folder]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        // Bounded wait for the first batch to reach the raw CSV.
        let deadline = Date().addingTimeInterval(60)
        var raw: String?
        while Date() < deadline, raw == nil {
            raw = CLI.rawCSVName(in: folder)
            if raw == nil { usleep(20_000) }
        }
        kill(process.processIdentifier, signal)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == expectedStatus, "\(errText)")
        let name = try #require(raw)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!files.contains { $0.hasPrefix(".") }, "temporary files left: \(files)")
        #expect(files.contains { $0.hasSuffix("-summary.csv") })
        let lines = try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 2)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",false,") }, "rows must say run_complete=false")
        #expect(errText.contains("interrupted"))
    }

    @Test func sigintKeepsFinishedBatchesMarkedIncomplete() throws {
        try interruptedRun(signal: SIGINT, expectedStatus: 130)
    }

    @Test func sigtermKeepsFinishedBatchesMarkedIncomplete() throws {
        try interruptedRun(signal: SIGTERM, expectedStatus: 143)
    }

    @Test func threadThatNeverFinishesIsReportedAndProcessEnds() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Each task waits 1 minute; the batch timeout is 1 s: joins time out, threads are abandoned.
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1", "--sleep-ms", "60000",
                                  "--tasks", "1", "--repetitions", "1", "--warmup", "0", "--timeout", "1",
                                  "--runtimes", "swift", "--out", folder])
        #expect(result.status == 1, "its only batch failed: \(result.stderr)")
        #expect(result.stderr.contains("no batch succeeded"), "\(result.stderr)")
        let raw = try #require(CLI.rawCSVName(in: folder))
        let text = try String(contentsOfFile: folder + "/" + raw, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let timedOut = try #require(header.firstIndex(of: "timed_out"))
        #expect(lines[1].split(separator: ",", omittingEmptySubsequences: false)[timedOut] == "1")
        #expect(text.contains("abandoned"))
        #expect(result.stdout.contains("errors or timeouts"))
    }
}
