import ThreadBenchModel

/// Two runtimes compared on purpose: the baseline's rows of one against the other runs' rows
/// of another, e.g. `cpython-3.11` against `cpython-3.14t`, or one interpreter against a
/// virtual environment of it in the same file.
///
/// `compare` matches rows on their runtime's name, so rows of two interpreters never meet by
/// themselves. A match reads the other runs' `other` rows as rows of `baseline`, and sets aside
/// what would then stand twice: the baseline's own `other` rows and the other runs' own
/// `baseline` rows. Every other runtime matches as before, and work per task must still agree.
public struct RuntimeMatch: Sendable, Equatable {
    /// The runtime whose rows the baseline (the first run) gives.
    public var baseline: Runtime
    /// The runtime whose rows every other run gives in their place.
    public var other: Runtime
}

extension RuntimeMatch {
    /// A match written `BASELINE=OTHER`, two different runtime names.
    /// - Throws: `ComparisonError.badRuntimeMatch` for any other text.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "=", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != parts[1] else {
            throw ComparisonError.badRuntimeMatch(text)
        }
        self.init(baseline: Runtime(rawValue: parts[0]), other: Runtime(rawValue: parts[1]))
    }

    /// `runs` with every match applied, and a warning per match and other run saying what was
    /// compared with what.
    /// - Throws: `ComparisonError.runtimeNotInRun` when the baseline lacks a match's `baseline`
    ///   runtime or another run lacks its `other` one.
    static func apply(_ matches: [RuntimeMatch], to runs: [RecordedRun]) throws
        -> (runs: [RecordedRun], lines: [ComparisonWarning]) {
        var runs = runs
        var lines: [ComparisonWarning] = []
        for match in matches {
            for index in runs.indices {
                let side = index == 0 ? match.baseline : match.other
                guard runs[index].records.contains(where: { $0.runtime == side }) else {
                    throw ComparisonError.runtimeNotInRun(side, path: runs[index].path,
                                                          present: Set(runs[index].records.map(\.runtime)).sorted())
                }
            }
            runs[0].records.removeAll { $0.runtime == match.other }
            for index in runs.indices.dropFirst() {
                runs[index].records = runs[index].records.compactMap { record in
                    guard record.runtime != match.baseline else { return nil }
                    var renamed = record
                    if record.runtime == match.other { renamed.runtime = match.baseline }
                    return renamed
                }
                lines.append(.runtimeMatched(baseline: match.baseline, baselineLabel: runs[0].label,
                                             other: match.other, otherLabel: runs[index].label))
            }
        }
        return (runs, lines)
    }
}
