import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStorage

/// The export files a user asked for, written from one analysed run, each atomically.
public struct RunExports: Sendable {
    /// `--export-json`: the run as a document (docs/threadbench-export.schema.json).
    public var json: String?
    /// `--export-markdown`: the findings and tables as Markdown.
    public var markdown: String?
    /// `--export-github-benchmark`: github-action-benchmark's bigger-is-better file, and its
    /// smaller-is-better sibling (`BenchmarkActionExport.smallerIsBetterPath`).
    public var githubBenchmark: String?
    /// `--export-bencher`: Bencher Metric Format.
    public var bencher: String?
    /// `--html`: one self-contained page (`HTMLReport`).
    public var html: String?

    /// Creates the set of exports; nil paths are not written.
    public init(json: String? = nil, markdown: String? = nil, githubBenchmark: String? = nil, bencher: String? = nil,
                html: String? = nil) {
        self.html = html
        self.json = json
        self.markdown = markdown
        self.githubBenchmark = githubBenchmark
        self.bencher = bencher
    }

    /// Every path that will be written, for checking before a run starts.
    public var paths: [String] {
        [json, markdown, githubBenchmark, githubBenchmark.map(BenchmarkActionExport.smallerIsBetterPath), bencher, html]
            .compactMap { $0 }
    }

    /// Writes every export asked for.
    /// - Returns: the paths written, in order.
    /// - Throws: the first write that failed (files already written stay, each one whole).
    @discardableResult
    public func write(_ analysis: RunAnalysis, metadata: RunMetadata, complete: Bool,
                      precision: [String] = []) throws -> [String] {
        var written: [String] = []
        func put(_ data: Data, _ path: String) throws {
            try AtomicFile.write(data, to: path)
            written.append(path)
        }
        if let json {
            let document = ExportDocument(
                analysis: analysis, metadata: metadata,
                build: (BuildInfo.version, BuildInfo.swiftVersion, BuildInfo.configuration),
                complete: complete, csvSchemaVersion: CSVSchema.version, precision: precision)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            try put(try encoder.encode(document) + Data("\n".utf8), json)
        }
        if let markdown {
            try put(Data(MarkdownExport.render(analysis, metadata: metadata, precision: precision).utf8), markdown)
        }
        if let githubBenchmark {
            try put(try BenchmarkActionExport.json(BenchmarkActionExport.biggerIsBetter(analysis.summary)), githubBenchmark)
            try put(try BenchmarkActionExport.json(BenchmarkActionExport.smallerIsBetter(analysis.summary)),
                    BenchmarkActionExport.smallerIsBetterPath(beside: githubBenchmark))
        }
        if let bencher { try put(try BencherExport.json(analysis.summary), bencher) }
        if let html {
            let page = HTMLReport().render(analysis, metadata: metadata, complete: complete, precision: precision)
            try put(Data(page.utf8), html)
        }
        return written
    }

    /// A one-line reason why `path` cannot be written (its folder missing or not writable, or
    /// a folder in its place), or nil when it can.
    public static func problem(writing path: String) -> String? {
        guard !path.isEmpty else { return "an empty file name" }
        let folder = (path as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "\(path): no folder \(dir)"
        }
        guard FileManager.default.isWritableFile(atPath: dir) else { return "\(path): cannot write in \(dir)" }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "\(path) is a folder"
        }
        return nil
    }
}
