import ThreadBenchModel

/// A workload that also exists as a function of the CPython driver, so it can run under `cpython`.
public protocol PythonPortable: Workload {
    /// The driver's name for this workload ("math", "sleep").
    var pythonWorkload: String { get }
    /// The sizes the driver's version runs with; read at every batch, after `setUp`
    /// (so a fixture server's port is known).
    var pythonParameters: [String: PythonValue] { get }
    /// How the Python version differs from the Swift one, for `list` and the docs; nil when
    /// it does the same work.
    var pythonDifference: String? { get }
    /// Workload-specific figures for the CSV from what the driver measured, like `finishBatch`.
    func pythonBatchMetrics(_ batch: PythonBatchFigures) -> [String: Double]
}

extension PythonPortable {
    public var pythonWorkload: String { name }
    public var pythonDifference: String? { nil }
    public func pythonBatchMetrics(_ batch: PythonBatchFigures) -> [String: Double] { [:] }
}

/// What a Python batch measured, for a workload's own CSV figures.
public struct PythonBatchFigures: Sendable {
    /// Bytes moved by every finished thread.
    public var bytes: Int
    /// Start barrier opened to last join, in seconds.
    public var workSeconds: Seconds
    /// Per-task sub-timings in milliseconds by name, over every finished thread.
    public var samplesMs: [String: [Double]]
}

/// A JSON value handed to the Python driver as a workload parameter.
public enum PythonValue: Sendable, Equatable, Encodable, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)

    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }
}
