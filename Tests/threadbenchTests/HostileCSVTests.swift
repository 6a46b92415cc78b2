import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `compare` and `report` on malformed, truncated, huge and hostile CSVs, made in a temp
/// folder from a real run: a clear one-line error or a correct result, never a crash, and a
/// peak resident size under 1 GiB.
@Suite(.serialized) struct HostileCSVTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ThreadBenchCoreTests/Fixtures").path

    /// machine-a.csv's header and rows, as lines.
    static func lines(_ name: String = "machine-a.csv") throws -> (header: String, rows: [String]) {
        let text = try String(contentsOfFile: fixtures + "/" + name, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        return (lines[0], Array(lines.dropFirst()))
    }

    /// The index of `column` in the raw header.
    static func column(_ name: String, _ header: String) -> Int {
        header.split(separator: ",").firstIndex { $0 == name }!
    }

    /// `row` with the cell at `index` replaced (the fixture's rows hold no quoted commas).
    static func replacing(_ row: String, at index: Int, with cell: String) -> String {
        var cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[index] = cell
        return cells.joined(separator: ",")
    }

    /// The largest resident size of any child reaped so far, in bytes (ru_maxrss is in KiB).
    static func childrenPeakRSSBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    static func write(_ folder: String, _ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Runs `threadbench` and checks the outcome: status 0, or 1 with exactly one error line (64
    /// for a compare of input it cannot judge: a run without rounds).
    static func run(_ arguments: [String]) throws -> CLI.Result {
        let result = try CLI.run(arguments)
        let usage = arguments.first == "compare" && result.status == 64
        #expect(result.status == 0 || result.status == 1 || usage, "\(arguments): status \(result.status)")
        if result.status != 0 {
            #expect(CLI.errorLines(result).count == 1, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        #expect(childrenPeakRSSBytes() < 1 << 30, "a child's peak RSS reached \(childrenPeakRSSBytes()) bytes")
        return result
    }

    @Test func malformedAndTruncatedFilesGetOneClearLine() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (header, rows) = try Self.lines()
        let whole = ([header] + rows).joined(separator: "\n") + "\n"
        let label = Self.column("host_label", header)
        let cases: [(String, String, String)] = [
            ("truncated.csv", String(whole.prefix(whole.count * 6 / 10)), "cells where the header has"),
            ("cut-header.csv", String(header.prefix(120)), "not a ThreadBench CSV"),
            ("open-quote.csv", header + "\n" + Self.replacing(rows[0], at: label, with: "\"machine-a") + "\n",
             "cells where the header has"),
            ("stray-quote.csv", header + "\n" + Self.replacing(rows[0], at: label, with: "mach\"ine\"a") + "\n", ""),
            ("extra-cells.csv", header + "\n" + rows[0] + ",1,2\n", "cells where the header has"),
            ("nan-wall.csv", header + "\n" + Self.replacing(rows[0], at: Self.column("wall_s", header), with: "nan") + "\n",
             "is not a number"),
            ("huge-threads.csv", header + "\n"
                + Self.replacing(rows[0], at: Self.column("threads", header), with: "99999999999999999999") + "\n",
             "whole number"),
            ("negative-wall.csv", header + "\n" + Self.replacing(rows[0], at: Self.column("wall_s", header), with: "-1") + "\n",
             "duration"),
        ]
        for (name, text, says) in cases {
            let path = Self.write(folder, name, text)
            for arguments in [["compare", Self.fixtures + "/machine-a.csv", path], ["report", path, "--out", folder + "/x.svg"]] {
                let result = try Self.run(arguments)
                if !says.isEmpty {
                    #expect(result.status == 1, "\(name): \(result.stderr)")
                    #expect(result.stderr.contains(name) && result.stderr.contains(says), "\(name): \(result.stderr)")
                }
                #expect(!FileManager.default.fileExists(atPath: folder + "/x.svg") || result.status == 0)
                try? FileManager.default.removeItem(atPath: folder + "/x.svg")
            }
        }
        // Invalid UTF-8 and NUL bytes: named as such.
        let bad = Data((header + "\n").utf8) + Data(rows[0].utf8).map { $0 == UInt8(ascii: "v") ? 0xFF : $0 }
        FileManager.default.createFile(atPath: folder + "/latin.csv", contents: Data(bad))
        let latin = try Self.run(["compare", Self.fixtures + "/machine-a.csv", folder + "/latin.csv"])
        #expect(latin.status == 1 && latin.stderr.contains("not valid UTF-8"), "\(latin.stderr)")
        FileManager.default.createFile(atPath: folder + "/nul.csv", contents: Data((header + "\n\0" + rows[0]).utf8))
        let nul = try Self.run(["report", folder + "/nul.csv"])
        #expect(nul.status == 1 && nul.stderr.contains("NUL bytes"), "\(nul.stderr)")
    }

    @Test func hostileCellsAreReadCorrectlyAndWrittenNeutralised() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (header, rowsA) = try Self.lines()
        let (_, rowsB) = try Self.lines("machine-b.csv")
        let label = Self.column("host_label", header)
        let cpu = Self.column("cpu_model", header)
        let workload = Self.column("workload", header)
        let firstError = Self.column("first_error", header)
        func hostile(_ rows: [String], label text: String) -> String {
            header + "\n" + rows.map { row in
                var cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                cells[label] = text
                cells[cpu] = "\"=cmd()|calc\""
                if cells[workload] == "math" { cells[workload] = "@SUM(A1)" }
                cells[firstError] = "\"an \"\"error\"\",\nover\r\ntwo lines \u{1B}[31mred\""
                return cells.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        let a = Self.write(folder, "a.csv", hostile(rowsA, label: "\"+a \"\"quoted\"\", label\nwith a break\""))
        let b = Self.write(folder, "b.csv", hostile(rowsB, label: "-b\u{1B}]0;pwned\u{07}"))

        let table = try Self.run(["compare", a, b])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("+a \"quoted\", label with a break"))
        #expect(!table.stdout.contains("\u{1B}") && !table.stdout.contains("\u{07}"), "control characters reach the terminal")
        #expect(table.stdout.contains("@SUM(A1)"))

        let csv = try Self.run(["compare", a, b, "--format", "csv"])
        #expect(csv.status == 0)
        let csvLines = csv.stdout.split(separator: "\n")
        // 12 rows whose quoted baseline label holds one line break each, and the header.
        #expect(csvLines.count == 1 + 12 * 2, "quoted line breaks stay inside their cells")
        #expect(csv.stdout.contains("'@SUM(A1)"))
        #expect(csv.stdout.contains("\"'+a \"\"quoted\"\", label\nwith a break\""))
        #expect(csv.stdout.contains("'=cmd()|calc"))
        #expect(!csv.stdout.contains(",=") && !csv.stdout.contains(",@") && !csv.stdout.contains(",+")
            && !csv.stdout.contains(",-b"), "a formula-like cell is written as is")

        let markdown = try Self.run(["compare", a, b, "--format", "markdown", "--chart", folder + "/c.svg"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("'@SUM(A1)") && markdown.stdout.contains("'=cmd()\\|calc"))
        #expect(!markdown.stdout.contains("\u{1B}"))
        let svg = try String(contentsOfFile: folder + "/c.svg", encoding: .utf8)
        #expect(!svg.contains("\u{1B}") || svg.contains("&"), "SVG text is escaped")

        let report = try Self.run(["report", a, "--out", folder + "/a.svg"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(!report.stdout.contains("\u{1B}"))
    }

    @Test func tenMegabyteCellIsReadWithBoundedMemory() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (header, rows) = try Self.lines()
        let big = "\"" + String(repeating: "x", count: 10_000_000) + "\""
        let path = Self.write(folder, "big.csv", header + "\n"
            + Self.replacing(rows[0], at: Self.column("first_error", header), with: big) + "\n"
            + rows.dropFirst().joined(separator: "\n") + "\n")
        let result = try Self.run(["compare", Self.fixtures + "/machine-a.csv", path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 13)
    }

    @Test func hundredThousandRowsGiveACorrectComparisonWithBoundedMemory() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (header, rows) = try Self.lines()
        let repetition = Self.column("repetition", header)
        var text = header + "\n"
        text.reserveCapacity(40_000_000)
        var count = 0
        var round = 0
        while count < 100_000 {
            for row in rows where count < 100_000 {
                let cells = row.split(separator: ",", omittingEmptySubsequences: false)
                let renumbered = (Int(cells[repetition])! + 5 * round)
                text += Self.replacing(row, at: repetition, with: String(renumbered)) + "\n"
                count += 1
            }
            round += 1
        }
        let path = Self.write(folder, "huge.csv", text)
        let started = Date()
        let result = try Self.run(["compare", Self.fixtures + "/machine-a.csv", path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 13)
        // The same runs repeated: no row is called faster or slower.
        #expect(lines.dropFirst().allSatisfy { !$0.hasSuffix(",slower") && !$0.hasSuffix(",faster") }, "\(lines)")
        #expect(Date().timeIntervalSince(started) < 240, "bounded time")
    }
}
