import Foundation

/// A run read back from a raw CSV: its machine and run metadata and its batches.
public struct RecordedRun: Sendable {
    /// The file it came from.
    public var path: String
    /// The metadata of the file's first row.
    public var metadata: RunMetadata
    /// The Swift compiler the run's binary was built with.
    public var swiftVersion = ""
    /// The ThreadBench version that wrote it.
    public var threadbenchVersion = ""
    /// "release" or "debug".
    public var buildConfiguration = ""
    /// False when any row says the run was cut short.
    public var complete = true
    /// Distinct run ids in the file, in order (more than one for concatenated files).
    public var runIDs: [String] = []
    /// Every batch, in file order.
    public var records: [BatchRecord] = []

    /// A run of `path` with no batch yet, for the CSV reader to fill in from the file's rows.
    package init(path: String, metadata: RunMetadata) {
        self.path = path
        self.metadata = metadata
    }

    /// The label a person knows this run by: its host label, or the file name when that is empty.
    public var label: String {
        metadata.hostLabel.isEmpty ? URL(fileURLWithPath: path).lastPathComponent : metadata.hostLabel
    }
}
