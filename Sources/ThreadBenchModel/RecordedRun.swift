import Foundation

/// A run read back from a raw CSV: its machine and run metadata and its batches.
public struct RecordedRun: Sendable {
    /// The file it came from.
    public var path: String
    /// The metadata of the file's first row.
    public var metadata: RunMetadata
    /// The Swift compiler the run's binary was built with.
    public var swiftVersion: String
    /// The ThreadBench version that wrote it.
    public var threadbenchVersion: String
    /// "release" or "debug".
    public var buildConfiguration: String
    /// False when any row says the run was cut short.
    public var complete: Bool
    /// Distinct run ids in the file, in order (more than one for concatenated files).
    public var runIDs: [String]
    /// Every batch, in file order.
    public var records: [BatchRecord]

    /// A run from its parts, as the CSV reader finds them.
    package init(path: String, metadata: RunMetadata, swiftVersion: String, threadbenchVersion: String,
                 buildConfiguration: String, complete: Bool, runIDs: [String], records: [BatchRecord]) {
        self.path = path
        self.metadata = metadata
        self.swiftVersion = swiftVersion
        self.threadbenchVersion = threadbenchVersion
        self.buildConfiguration = buildConfiguration
        self.complete = complete
        self.runIDs = runIDs
        self.records = records
    }

    /// The label a person knows this run by: its host label, or the file name when that is empty.
    public var label: String {
        metadata.hostLabel.isEmpty ? URL(fileURLWithPath: path).lastPathComponent : metadata.hostLabel
    }
}
