/// The set of started, unfinished threads, for the live count in a creation error.
final class ThreadRegistry: @unchecked Sendable {
    static let shared = ThreadRegistry()
    private let lock = ConditionLock()
    private var live: [ObjectIdentifier: BenchThread] = [:]

    func add(_ thread: BenchThread) { lock.withLock { live[ObjectIdentifier(thread)] = thread } }
    func remove(_ thread: BenchThread) { _ = lock.withLock { live.removeValue(forKey: ObjectIdentifier(thread)) } }
    var liveCount: Int { lock.withLock { live.count } }
    /// The threads live now, in no particular order.
    func snapshot() -> [BenchThread] { lock.withLock { Array(live.values) } }
}
