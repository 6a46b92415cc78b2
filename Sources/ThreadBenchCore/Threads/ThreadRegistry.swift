/// The set of started, unfinished threads, for shutdown and error reporting.
final class ThreadRegistry: @unchecked Sendable {
    static let shared = ThreadRegistry()
    private let lock = ConditionLock()
    private var live: [ObjectIdentifier: BenchThread] = [:]

    func add(_ thread: BenchThread) { lock.withLock { live[ObjectIdentifier(thread)] = thread } }
    func remove(_ thread: BenchThread) { _ = lock.withLock { live.removeValue(forKey: ObjectIdentifier(thread)) } }
    var liveCount: Int { lock.withLock { live.count } }
    func snapshot() -> [BenchThread] { lock.withLock { Array(live.values) } }
    func counts() -> (daemon: Int, nonDaemon: Int) {
        let threads = snapshot()
        let daemons = threads.filter(\.daemon).count
        return (daemons, threads.count - daemons)
    }
}
