import Foundation

/// Named baselines: a run's raw CSV kept under a name (with its machine, which every row
/// carries), for `compare --baseline NAME` to set later runs against.
public struct Baselines: Sendable {
    /// The folder the baselines live in (`results/baselines` by default).
    public let folder: String

    /// The baselines kept in `folder`.
    public init(folder: String) { self.folder = folder }

    /// Why a baseline could not be kept or found, in one line.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case badName(String)
        case unknown(name: String, folder: String, known: [String])

        public var description: String {
            switch self {
            case .badName(let name):
                return "baseline name '\(name)': use letters, digits, '.', '-' and '_' only"
            case .unknown(let name, let folder, let known):
                let list = known.isEmpty ? "none kept there yet" : "known: " + known.joined(separator: ", ")
                return "no baseline named '\(name)' in \(folder) (\(list))"
            }
        }
    }

    /// Checks a baseline's name: letters, digits, '.', '-', '_', not starting with '.'.
    public static func check(name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_"))
        guard !name.isEmpty, !name.hasPrefix("."), name.count <= 100,
              name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            throw Problem.badName(name)
        }
    }

    /// The file of the baseline `name`.
    public func path(of name: String) -> String { folder + "/" + name + ".csv" }

    /// Keeps the raw CSV at `rawPath` as the baseline `name`, replacing one of the same name.
    /// - Returns: where it was kept.
    @discardableResult
    public func save(rawPath: String, as name: String) throws -> String {
        try Self.check(name: name)
        try AtomicFile.ensureWritableFolder(folder)
        let data = try Data(contentsOf: URL(fileURLWithPath: rawPath))
        try AtomicFile.write(data, to: path(of: name))
        return path(of: name)
    }

    /// The file of an existing baseline.
    /// - Throws: `Problem.unknown`, naming the baselines there are, when there is none of that name.
    public func existing(_ name: String) throws -> String {
        try Self.check(name: name)
        guard FileManager.default.fileExists(atPath: path(of: name)) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
            throw Problem.unknown(name: name, folder: folder, known: known)
        }
        return path(of: name)
    }
}
