import ThreadBenchModel

/// A computation's task sizes: by default and with `--quick` (a quarter of them), and what they
/// count.
public struct ComputationSizes: Sendable {
    /// The sizes by default: a 1-thread batch of 128 tasks lasts roughly 0.2 s in each runtime
    /// on a 2-core VM (rough timings, release build).
    public var standard: RuntimeSizes<Int>
    /// The `--quick` sizes.
    public var quick: RuntimeSizes<Int>
    /// What a size counts, recorded as the task's work ("iterations").
    public var unit: String

    /// The sizes `options` ask for: the quick ones with `--quick`, else the default ones.
    public func chosen(by options: SuiteOptions) -> RuntimeSizes<Int> {
        options.quick ? quick : standard
    }
}
