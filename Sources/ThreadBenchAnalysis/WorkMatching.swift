import ThreadBenchModel

/// Which rows of two runs did the same work per task, so that comparing them means something.
///
/// A row's work is the set of `TaskWork` values its repetitions recorded (one, unless a file
/// pools runs of different sizes). Rows compare only when the sets are equal: a version-1 file
/// records no work ("unknown"), so its rows compare with another version-1 file's, but not
/// with rows of a run that recorded its sizes, which may be other sizes.
enum WorkMatching {
    /// A key measured in both runs, with the baseline's records and the other run's.
    typealias Pair = (key: BatchKey, a: [BatchRecord], b: [BatchRecord])

    /// The pairs whose work is the same, and those whose work differs, both in the order given.
    static func split(_ pairs: [Pair]) -> (same: [Pair], different: [Pair]) {
        var same: [Pair] = []
        var different: [Pair] = []
        for pair in pairs {
            if work(pair.a) == work(pair.b) { same.append(pair) } else { different.append(pair) }
        }
        return (same, different)
    }

    /// The works of a row's records.
    static func work(_ records: [BatchRecord]) -> Set<TaskWork> { Set(records.map(\.taskWork)) }

    /// The differing pairs by curve, in the order given, each with its first row's works.
    static func differences(_ pairs: [Pair]) -> [WorkDifference] {
        pairs.orderedGroups(by: { $0.key.curve }).map { curve, members in
            WorkDifference(curve: curve, threads: members.map(\.key.threads), baseline: work(members[0].a),
                           other: work(members[0].b))
        }
    }
}
