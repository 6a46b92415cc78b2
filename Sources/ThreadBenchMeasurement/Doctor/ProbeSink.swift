/// Where an A/A probe batch leaves its result, so the loop is not optimised away.
final class ProbeSink: @unchecked Sendable {
    /// The loop's result.
    var value = 0.0
}
