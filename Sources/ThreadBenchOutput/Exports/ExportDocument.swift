import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStatistics

/// A run as one JSON document: its machine, every summary row, the fitted models and the
/// findings, in the shape docs/threadbench-export.schema.json describes.
///
/// Numbers that are not finite (an unbounded ceiling) are left out rather than written as
/// strings, so every number in the file is a JSON number.
public struct ExportDocument: Encodable, Sendable {
    /// The export format's version; bumped when a field changes meaning or disappears.
    public static let formatVersion = 1

    public var formatVersion = Self.formatVersion
    /// The CSV schema the figures follow (`CSVSchema.version`'s meaning of each figure).
    public var csvSchemaVersion: Int
    public var run: Run
    public var machine: Machine
    public var summary: [Row]
    public var models: [Model]
    public var findings: [ExportFinding]
    public var warnings: [String]
    public var precision: [String]

    /// Which run, when and how it was built.
    public struct Run: Encodable, Sendable {
        public var runId: String
        public var startedAt: String
        public var label: String
        public var complete: Bool
        public var threadbenchVersion: String
        public var swiftVersion: String
        public var buildConfig: String
    }

    /// The machine the run measured on.
    public struct Machine: Encodable, Sendable {
        public var hostname: String
        public var os: String
        public var kernel: String
        public var arch: String
        public var cpuModel: String
        public var logicalCpus: Int
        public var usableCpus: Int
        public var cpuLimit: String
        public var memoryBytes: UInt64
    }

    /// A figure with its 95% interval.
    public struct Figure: Encodable, Sendable {
        public var value: Double
        public var low: Double
        public var high: Double

        init?(_ value: Double, _ low: Double, _ high: Double) {
            guard value.isFinite, low.isFinite, high.isFinite, value > 0 else { return nil }
            self.value = value
            self.low = low
            self.high = high
        }

        init?(_ interval: LogInterval?) {
            guard let interval else { return nil }
            self.init(interval.estimate, interval.low, interval.high)
        }
    }

    /// One summary row: a workload under a runtime at one thread count.
    public struct Row: Encodable, Sendable {
        public var workload: String
        public var kind: String
        public var runtime: String
        public var runtimeVersion: String
        /// A CPython row's build flag (`Py_GIL_DISABLED`) and GIL at run time; absent otherwise.
        public var pythonFreeThreaded, pythonGilEnabled: Bool?
        public var scaling: String
        public var threads: Int
        public var tasks: Int
        public var taskWork: Double?
        public var taskWorkUnit: String?
        public var rounds: Int
        public var pilotRounds: Int
        public var failedBatches: Int
        public var wallMedianS: Figure?
        public var speedup: Figure?
        public var parallelism: Figure?
        public var cpuEfficiency: Figure?
        public var coresBusy: Double?
        public var idealSpeedup: Double?
        public var precisionMet: Bool?
        public var verdict: String
        public var notes: [String]
    }

    /// One fitted model: Amdahl or Gustafson, and the USL.
    public struct Model: Encodable, Sendable {
        public var workload: String
        public var runtime: String
        public var scaling: String
        public var fittedThreadCounts: [Int]
        public var serialFraction: Double?
        public var uslSigma: Double?
        public var uslKappa: Double?
        public var uslPeakThreads: Double?
        public var summary: String
    }
}
