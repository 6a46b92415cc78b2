import Foundation
import Testing
import ThreadBenchMeasurement
import ThreadBenchStorage

/// `threadbench doctor` end to end: every check listed, JSON for machines, the affinity mask.
@Suite(.serialized) struct DoctorCLITests {
    /// The checks of one `doctor --json` run, with the shortest probes.
    static func checks(shellPrefix: String? = nil) throws -> [[String: Any]] {
        let result = try CLI.run(["doctor", "--json", "--probe-seconds", "0.2", "--aa-seconds", "0.5"], shellPrefix: shellPrefix)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["checks"] as? [[String: Any]])
    }

    @Test func jsonListsEveryCheckWithAState() throws {
        let checks = try Self.checks()
        #expect(checks.compactMap { $0["name"] as? String } == MachineDoctor.checkNames)
        for check in checks {
            let state = try #require(check["state"] as? String)
            #expect(CheckState(rawValue: state) != nil)
            #expect(!((check["detail"] as? String) ?? "").isEmpty)
        }
        let probe = try #require(checks.last)
        if probe["state"] as? String != "unknown" {
            let values = try #require(probe["values"] as? [String: Double])
            #expect(values["resolvable_5_rounds"] != nil && values["resolvable_20_rounds"] != nil)
        }
    }

    @Test func textListsEveryCheck() throws {
        let result = try CLI.run(["doctor", "--probe-seconds", "0.1", "--aa-seconds", "0"])
        #expect(result.status == 0)
        for name in MachineDoctor.checkNames { #expect(result.stdout.contains(" \(name) ")) }
        #expect(result.stdout.contains("11 checks:"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")))
    func underTasksetOneCPUIsUsableAndThreadsCannotRunInParallel() throws {
        let checks = try Self.checks(shellPrefix: "taskset -p -c 0 $$ >/dev/null")
        let cpus = try #require(checks.first { $0["name"] as? String == "cpus" })
        #expect(cpus["state"] as? String == "warning")
        #expect((cpus["detail"] as? String)?.hasPrefix("1 usable CPU of") == true)
        #expect((cpus["detail"] as? String)?.contains("threads cannot run in parallel") == true)
    }

    @Test func badProbeLengthsAreOneLineAndExit64() throws {
        for arguments in [["--probe-seconds", "0"], ["--aa-seconds", "0.1"], ["--aa-seconds", "nan"]] {
            let result = try CLI.run(["doctor"] + arguments)
            #expect(result.status == 64)
            #expect(CLI.errorLines(result).count == 1)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func aRunRecordsTheChecksWarnsOfEachAndStampsEveryBatch() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,2", "--tasks", "2", "--repetitions", "1",
                                  "--warmup", "0", "--runtimes", "swift", "--out", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try CSVRunReader.read(path: folder + "/" + (try #require(CLI.rawCSVName(in: folder))))
        let states = run.metadata.machineCheckStates
        #expect(states.map(\.name) == Array(MachineDoctor.checkNames.dropLast()))
        for check in states {
            let warned = result.stderr.contains("warning: machine: \(check.name): ")
            #expect(warned == (check.state == "warning"), "\(check.name) \(check.state)")
        }
        #expect(run.records.count == 2)
        #expect(run.records.allSatisfy { $0.stealSeconds != nil && $0.otherCPUSeconds != nil })
    }
}
