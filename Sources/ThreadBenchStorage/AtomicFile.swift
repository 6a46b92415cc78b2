import Foundation
import ThreadBenchModel

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
            _ = syncAndClose(fd, durable: false)
            throw FileWriteError(path: path, reason: String(cString: strerror(writeErrno)))
        }
        fchmod(fd, 0o644)
        if let failure = syncAndClose(fd, durable: durable) {
            throw FileWriteError(path: path, reason: String(cString: strerror(failure)))
        }
        guard rename(temporary, path) == 0 else {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        ok = true
    }

    /// Flushes `fd` to disk when `durable`, then closes it: closed on every path, a failed
    /// fsync included, so a failing disk cannot leak a descriptor per write.
    /// - Parameters:
    ///   - sync: the flush, `fsync` (a test passes one that fails).
    ///   - closeFile: the close, `close`.
    /// - Returns: the errno of the first call that failed, nil when all succeeded.
    static func syncAndClose(_ fd: Int32, durable: Bool, sync: (Int32) -> Int32 = { fsync($0) },
                             close closeFile: (Int32) -> Int32 = { close($0) }) -> Int32? {
        var failure: Int32?
        if durable && sync(fd) != 0 { failure = errno }
        if closeFile(fd) != 0 && failure == nil { failure = errno }
        return failure
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
