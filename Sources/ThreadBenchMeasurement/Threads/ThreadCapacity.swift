/// Checks, before a run writes anything, that the process can hold its largest batch.
public enum ThreadCapacity {
    /// Starts `count` threads that wait at a gate, then releases and joins them.
    /// - Throws: `ThreadError.creationFailed` naming the limit when the system refuses.
    public static func check(_ count: Int) throws {
        let gate = StartGate(parties: count)
        var threads: [BenchThread] = []
        threads.reserveCapacity(count)
        defer {
            gate.abort()
            threads.forEach { if !$0.join(timeout: 10) { $0.abandon() } }
        }
        for index in 0..<count {
            let thread = BenchThread(name: "tb-probe-\(index)", daemon: true) { _ = gate.arriveAndWait() }
            try thread.start()
            threads.append(thread)
        }
    }
}
