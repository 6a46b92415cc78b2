#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a file, with the system's reason.
struct SystemError: Error, CustomStringConvertible {
    let call: String
    let path: String
    let code: Int32

    var description: String { "\(call) \(path): \(SystemError.text(code))" }

    /// The system's text for `code` with its symbolic name where known, e.g. "No space left on device (ENOSPC)".
    static func text(_ code: Int32) -> String {
        let names: [Int32: String] = [
            ENOSPC: "ENOSPC", EACCES: "EACCES", EPERM: "EPERM", EROFS: "EROFS", ENOENT: "ENOENT",
            EISDIR: "EISDIR", ENOTDIR: "ENOTDIR", EDQUOT: "EDQUOT", EIO: "EIO", EMFILE: "EMFILE",
        ]
        let message = String(cString: strerror(code))
        return names[code].map { "\(message) (\($0))" } ?? message
    }
}
