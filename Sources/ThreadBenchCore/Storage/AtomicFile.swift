import Foundation

/// Why a result file could not be written.
public struct FileWriteError: Error, CustomStringConvertible {
    /// The file or folder concerned.
    public let path: String
    /// What went wrong, in words.
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files so that a reader sees either the old content or the new, never a part.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `path`, flushes it to disk, then renames it.
    /// - Parameters:
    ///   - data: the whole new content.
    ///   - path: the file to replace.
    ///   - durable: fsync before the rename, so the content survives a power cut too. The
    ///     rename alone already protects against a crash of this process; the runner's
    ///     per-batch rewrites skip the fsync (tens of ms each on a slow disk) and the final
    ///     write makes it.
    /// - Throws: `FileWriteError`; the temporary file is removed on every failure.
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(url.lastPathComponent).XXXXXX.tmp".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let registration = TemporaryPaths.register(temporary)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
            TemporaryPaths.unregister(registration)
        }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return -1 }
                offset += n
            }
            return offset
        }
        let writeErrno = errno
        guard written == data.count else {
            close(fd)
            throw FileWriteError(path: path, reason: String(cString: strerror(writeErrno)))
        }
        fchmod(fd, 0o644)
        guard !durable || fsync(fd) == 0, close(fd) == 0 else {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        guard rename(temporary, path) == 0 else {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        ok = true
    }

    /// Creates `folder` if needed and checks that files can be created in it.
    /// - Throws: `FileWriteError` naming the folder when it cannot be used.
    public static func ensureWritableFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw FileWriteError(path: folder, reason: "not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw FileWriteError(path: folder, reason: "cannot create the folder")
            }
        }
        try write(Data(), to: "\(folder)/.threadbench-write-check")
        unlink("\(folder)/.threadbench-write-check")
    }
}

/// The file names of one run's results: `<label>-<UTC stamp>.csv` and its siblings.
public struct ResultPaths: Sendable {
    /// The raw CSV, one row per batch.
    public let raw: String
    /// The summary CSV.
    public let summary: String
    /// The scaling-model CSV (Amdahl and USL fits).
    public let model: String
    /// The speedup chart, SVG.
    public let chart: String
    /// The base name shared by every file of the run, without extension.
    public let base: String

    /// Picks names in `folder` that no earlier run used.
    /// - Parameters:
    ///   - folder: the output folder.
    ///   - label: the run's label; characters other than letters, digits, `.`, `_`, `-` become `_`.
    ///   - date: the run's start.
    public init(folder: String, label: String, date: Date) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let safe = ResultPaths.fileSafe(label)
        let stem = "\(folder)/\(safe)-\(formatter.string(from: date))"
        var candidate = stem
        var suffix = 2
        while FileManager.default.fileExists(atPath: candidate + ".csv")
            || FileManager.default.fileExists(atPath: candidate + "-summary.csv") {
            candidate = "\(stem)-\(suffix)"
            suffix += 1
        }
        base = candidate
        raw = candidate + ".csv"
        summary = candidate + "-summary.csv"
        model = candidate + "-model.csv"
        chart = candidate + "-chart.svg"
    }

    /// A label reduced to characters that are safe in a file name on every system.
    public static func fileSafe(_ label: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let mapped = String(label.prefix(64).map { allowed.contains($0) ? $0 : "_" })
        let trimmed = mapped.drop { $0 == "." || $0 == "-" }
        return trimmed.isEmpty ? "run" : String(trimmed)
    }
}
