/// Why a round child could not run its round, or why its answer could not be used.
public enum RoundChildError: Error, Equatable {
    /// The environment held something other than a `RoundRequest`.
    case badRequest(text: String)
    /// The request names a workload the child's options do not build.
    case unknownWorkload(String)
    /// The request names a runtime other than `swift` or `swift-gil`.
    case unknownRuntime(String)
    /// The child ended without the round's records: its exit status and the last line it wrote on stderr.
    case failed(status: Int32, stderrTail: String)
    /// The child ran past its time limit and was killed.
    case timedOut(seconds: Double)
    /// The child's stdout was not the round's records: how many came back for how many batches.
    case wrongAnswer(received: Int, expected: Int)
}
