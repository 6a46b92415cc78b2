/// The one channel that asks a run to stop early.
///
/// The runner polls it between batches and hands it to every batch in `BatchSpec.stop`: the
/// worker threads poll it between tasks, the thread executor while it joins, the CPython
/// executor while its driver runs. Once it says stop, the batch in flight is dropped and the
/// run ends with `RunError.cancelled`.
public struct StopSignal: Sendable {
    private let poll: @Sendable () -> Bool

    /// A signal that says stop whenever `poll` returns true.
    public init(_ poll: @escaping @Sendable () -> Bool) {
        self.poll = poll
    }

    /// Whether a stop was asked for.
    public var isRequested: Bool { poll() }

    /// Stops once SIGINT or SIGTERM arrived (`Interruption`).
    public static let interruption = StopSignal { Interruption.signal != nil }
}
