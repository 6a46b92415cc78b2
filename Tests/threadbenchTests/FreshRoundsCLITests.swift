import Foundation
import Testing
import ThreadBenchStorage

/// `run --swift-rounds fresh`: each Swift round in a new `threadbench` process.
@Suite(.serialized) struct FreshRoundsCLITests {
    static let small = ["--workloads", "sleep", "--sleep-ms", "1", "--tasks", "8", "--threads", "1,2"]

    @Test func aRunWithFreshRoundsWritesEveryBatch() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--runtimes", "swift,swift-gil", "--repetitions", "2", "--warmup", "0",
                                  "--swift-rounds", "fresh", "--out", folder] + Self.small)
        #expect(result.status == 0, "\(result.stderr)")
        let name = try #require(CLI.rawCSVName(in: folder))
        let run = try CSVRunReader.read(path: folder + "/" + name)
        #expect(run.records.count == 8)
        #expect(Set(run.records.map(\.runtime.rawValue)) == ["swift", "swift-gil"])
        #expect(Set(run.records.map(\.repetition)) == [1, 2])
        #expect(run.records.allSatisfy { $0.errors == 0 && $0.wallSeconds >= 0.004 })
    }

    @Test func aRoundChildAnswersWithItsRecordsOnStdoutAndWritesNoFile() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let request = #"{"workload":"sleep","runtime":"swift-gil","threads":[2,1],"tasks":[8,8],"repetition":7}"#
        let result = try CLI.run(["run", "--runtimes", "swift-gil", "--out", folder] + Self.small,
                                 shellPrefix: "export THREADBENCH_ROUND_REQUEST='\(request)'")
        #expect(result.status == 0, "\(result.stderr)")
        let run = try CSVRunReader.parse(Data(result.stdout.utf8), path: "stdout")
        #expect(run.records.map(\.threads) == [2, 1])
        #expect(run.records.allSatisfy { $0.repetition == 7 && $0.runtime.rawValue == "swift-gil" && $0.tasks == 8 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aRoundChildAskedForAnUnknownWorkloadFailsWithOneLine() throws {
        let request = #"{"workload":"nope","runtime":"swift","threads":[1],"tasks":[8],"repetition":1}"#
        let result = try CLI.run(["run", "--runtimes", "swift"] + Self.small,
                                 shellPrefix: "export THREADBENCH_ROUND_REQUEST='\(request)'")
        #expect(result.status != 0)
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownSwiftRoundsValueIsRefused() throws {
        let result = try CLI.run(["run", "--swift-rounds", "sometimes"])
        #expect(result.status == 64)
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
    }
}
