import Foundation
import Testing

/// The repository's root, from this file's place in it.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// Runs a Python 3 snippet with arguments; its exit status and what it printed.
private func python(_ code: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", code] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The export files of `run` and `report`: the JSON against the repository's JSON Schema (with
/// Python's jsonschema, which scripts/setup.sh installs), the CI formats against the fields their
/// tools document (github-action-benchmark: `name`, `unit`, `value` required, `range` and `extra`
/// optional strings; Bencher Metric Format: measures with a numeric `value`, optional
/// `lower_value` and `upper_value`).
@Suite(.serialized) struct ExportCLITests {
    @Test func aRunsExportsValidateAndCarryTheirToolsFields() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run([
            "run", "--workloads", "sleep,math", "--threads", "1,2", "--repetitions", "3", "--warmup", "0",
            "--tasks", "4", "--sleep-ms", "5", "--runtimes", "swift,swift-gil", "--out", folder,
            "--export-json", folder + "/run.json", "--export-markdown", folder + "/run.md",
            "--export-github-benchmark", folder + "/gh.json", "--export-bencher", folder + "/bmf.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let schema = root + "/docs/threadbench-export.schema.json"
        let validated = try python("""
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
            doc = json.load(open(sys.argv[1]))
            assert {r["workload"] for r in doc["summary"]} == {"sleep", "math"}, doc["summary"]
            gil2 = [r for r in doc["summary"] if r["runtime"] == "swift-gil" and r["workload"] == "math" and r["threads"] == 2]
            # Under a GIL two threads cannot compute twice as fast: any verdict but helps.
            assert len(gil2) == 1 and gil2[0]["verdict"] in ("serialized", "inconclusive", "hurts", "no-gain"), gil2
            print("ok")
            """, [folder + "/run.json", schema])
        #expect(validated.status == 0 && validated.output.contains("ok"), "\(validated.output)")
        let fields = try python("""
            import json, sys
            for path, kind in ((sys.argv[1], "bigger"), (sys.argv[2], "smaller")):
                entries = json.load(open(path))
                assert isinstance(entries, list) and entries, path
                for e in entries:
                    assert isinstance(e["name"], str) and isinstance(e["unit"], str), e
                    assert isinstance(e["value"], (int, float)) and not isinstance(e["value"], bool), e
                    assert isinstance(e.get("range", ""), str) and isinstance(e.get("extra", ""), str), e
                    assert set(e) <= {"name", "unit", "value", "range", "extra"}, e
                names = [e["name"] for e in entries]
                assert len(names) == len(set(names)), "names repeat"
            bmf = json.load(open(sys.argv[3]))
            assert bmf and all(isinstance(k, str) for k in bmf)
            for bench, measures in bmf.items():
                assert "latency" in measures, bench
                for m in measures.values():
                    assert isinstance(m["value"], (int, float)), m
                    assert set(m) <= {"value", "lower_value", "upper_value"}, m
                    assert m.get("lower_value", m["value"]) <= m.get("upper_value", m["value"]), m
            assert "sleep/swift/2-threads" in bmf and "speedup" in bmf["sleep/swift/2-threads"]
            print("ok")
            """, [folder + "/gh.json", folder + "/gh-wall.json", folder + "/bmf.json"])
        #expect(fields.status == 0 && fields.output.contains("ok"), "\(fields.output)")
        let markdown = try String(contentsOfFile: folder + "/run.md", encoding: .utf8)
        #expect(markdown.contains("## Where threads helped") && markdown.contains("| threads | wall median |"))
        #expect(result.stdout.contains("export: \(folder)/run.json"))
    }

    @Test func anExportIntoAMissingFolderIsRefusedBeforeTheRunWritesAnything() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["run", "--workloads", "sleep", "--threads", "1,2", "--repetitions", "1",
                                  "--out", folder, "--export-json", folder + "/missing/run.json"])
        #expect(result.status == 64)
        #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("no folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func reportExportsAStoredRun() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = root + "/Tests/ThreadBenchCoreTests/Fixtures/machine-a.csv"
        let result = try CLI.run(["report", fixture, "--out", folder + "/a.svg", "--export-json", folder + "/a.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let validated = try python("""
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
            print("ok")
            """, [folder + "/a.json", root + "/docs/threadbench-export.schema.json"])
        #expect(validated.status == 0, "\(validated.output)")
    }
}
