import Foundation

/// Reads the `/proc` and `/sys` text the checks need: the machine's own, or a test's recording.
///
/// Every check reads through this, so its parsing runs on recorded text in tests and a file
/// that is missing or unreadable (nil) becomes `unknown`, never OK.
public struct MachineFiles: Sendable {
    private let readText: @Sendable (String) -> String?
    private let listFolder: @Sendable (String) -> [String]?

    /// Creates a reader from two functions: a file's text and a folder's entries, nil when absent.
    public init(read: @escaping @Sendable (String) -> String?, list: @escaping @Sendable (String) -> [String]? = { _ in nil }) {
        self.readText = read
        self.listFolder = list
    }

    /// The machine's files under `root` (a test's folder of fake files, `/` normally).
    public static func system(root: String = "") -> MachineFiles {
        MachineFiles(
            read: { try? String(contentsOfFile: root + $0, encoding: .utf8) },
            list: { try? FileManager.default.contentsOfDirectory(atPath: root + $0) })
    }

    /// Recorded files by absolute path; a folder lists the recorded paths directly inside it.
    public static func recorded(_ files: [String: String]) -> MachineFiles {
        MachineFiles(read: { files[$0] }, list: { folder in
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            let names = files.keys.filter { $0.hasPrefix(prefix) }.compactMap {
                $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
            }
            return names.isEmpty ? nil : Array(Set(names)).sorted()
        })
    }

    /// The text of the file at `path`, nil when it is missing or unreadable.
    public func text(_ path: String) -> String? { readText(path) }

    /// The text of the file at `path` without surrounding whitespace, nil when missing.
    public func trimmed(_ path: String) -> String? {
        text(path)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The entries of the folder at `path`, nil when it is missing or unreadable.
    public func entries(_ path: String) -> [String]? { listFolder(path) }
}
