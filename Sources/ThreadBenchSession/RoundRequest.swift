import Foundation

/// One round of a Swift curve that a parent asks a fresh `threadbench` process to run.
///
/// The child gets the parent's own command line (so it builds the same workloads with the same
/// options) and this request in the environment (`environmentKey`); it answers with the round's
/// records as raw CSV rows on its stdout (`RoundChild`).
public struct RoundRequest: Codable, Sendable, Equatable {
    /// The environment variable that carries the request, as JSON.
    public static let environmentKey = "THREADBENCH_ROUND_REQUEST"

    /// The workload's name, as on the command line.
    public var workload: String
    /// The runtime's CSV name (`swift` or `swift-gil`).
    public var runtime: String
    /// The round's thread counts, in the order to run them.
    public var threads: [Int]
    /// Tasks per batch, one per thread count.
    public var tasks: [Int]
    /// The round number stamped on every record (0 for a warm-up round).
    public var repetition: Int

    /// The request in the environment of this process, or nil when this is not a round child.
    public static var pending: String? { ProcessInfo.processInfo.environment[environmentKey] }

    /// The request as JSON text.
    func encoded() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }

    /// Reads a request from JSON text.
    /// - Throws: `RoundChildError.badRequest` when the text is not a request.
    static func decode(_ text: String) throws -> RoundRequest {
        do {
            return try JSONDecoder().decode(RoundRequest.self, from: Data(text.utf8))
        } catch {
            throw RoundChildError.badRequest(text: String(text.prefix(200)))
        }
    }
}
