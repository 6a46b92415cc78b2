import Foundation
import ThreadBenchAnalysis
import ThreadBenchModel
import ThreadBenchStatistics

extension Finding {
    /// The finding in one line, e.g. "math: threads help under swift (1.96x at 2 threads on 2
    /// cores); they make no difference under swift-gil (0.98x at 2 threads)".
    public var text: String {
        switch self {
        case .workload(let finding): finding.text
        case .cpuBound(let usable, let limit):
            "note: " + (limit.map { "this run could use \(usable) CPU\(usable == 1 ? "" : "s") (\($0.rawValue))" }
                ?? "this machine has \(usable) logical CPUs")
                + ", so computation cannot run more than \(usable)x faster on threads, whatever the thread count."
        case .runtimes(let gap): gap.text
        case .processes(let gain): gain.text
        }
    }

    /// A speedup as the findings write it: "1.96x".
    static func times(_ speedup: Double) -> String { String(format: "%.2fx", speedup) }
}

extension WorkloadFinding {
    /// The workload's line: per runtime, or the convoy's added latency.
    var text: String {
        let failureNote = errors > 0 || failedBatches > 0
            ? "; \(errors) errors or timeouts in \(failedBatches) failed batches, left out of the figures "
                + "(see the CSV's first_error)"
            : ""
        switch outcome {
        case .onlyOneThread:
            return "\(workload): only 1 thread was measured, so there is no speedup to report" + failureNote
        case .convoy(let effects):
            return "\(workload): " + effects.enumerated().map { $1.text(first: $0 == 0) }.joined(separator: "; ")
        case .speedups(let runtimes):
            return "\(workload): " + runtimes.enumerated().map { $1.text(first: $0 == 0) }.joined(separator: "; ")
                + failureNote
        }
    }
}

extension ConvoyEffect {
    /// "under swift-gil a computing thread adds 5.1 ms to each request's p50 (6.21 ms against 1.10 ms
    /// parked, 64 threads)"; after the first runtime of a line, "swift-gil +5.1 ms (6.21 against 1.10 ms, 64 threads)".
    func text(first: Bool) -> String {
        let added = busyMillis - parkedMillis
        guard first else {
            return String(format: "%@ %@ (%.2f against %.2f ms, %d threads)", runtime.rawValue,
                          added >= 0.05 ? String(format: "+%.1f ms", added) : "+nothing measurable",
                          busyMillis, parkedMillis, threads)
        }
        let effect = added >= 0.05 ? String(format: "adds %.1f ms to", added) : "adds nothing measurable to"
        return String(format: "under %@ a computing thread %@ each request's p50 (%.2f ms against %.2f ms parked, "
            + "%d threads)", runtime.rawValue, effect, busyMillis, parkedMillis, threads)
    }
}

extension RuntimeSpeedup {
    /// Who a runtime's part of a sentence is about: the first runtime of a line names the
    /// threads, the others say they.
    enum Subject: String {
        case threads, they
    }

    /// What threads did under the runtime, in a part of a line that begins with `Subject`.
    func text(first: Bool) -> String {
        let subject: Subject = first ? .threads : .they
        switch judged {
        case .allFailed:
            return "every batch with more than 1 thread failed under \(runtime)"
        case .noBaseline:
            return "\(subject.rawValue) cannot be judged under \(runtime) (no successful 1-thread batch to measure against)"
        case let .row(row, usable, limit):
            if row.verdict == .serialized, let parallelism = row.parallelism {
                return serialText(row, parallelism, subject: subject, usableCPUs: usable ?? 1, limit: limit)
            }
            let cpus = usable.map { " on " + MachineInfo.cpusText($0, limit: limit) } ?? ""
            return "\(subject.rawValue) \(Self.verb(row)) under \(runtime) "
                + String(format: "(%.2fx at %d threads", row.speedup, row.threads) + cpus + Self.busy(row, usable)
                + Self.caveat(row) + ")"
        }
    }

    /// How many cores a computing row kept busy, e.g. ", 1.95 of 2 CPUs busy"; empty for waiting.
    static func busy(_ row: SummaryRow, _ usable: Int?) -> String {
        guard row.kind == .cpu, let cores = row.coresBusy, let usable else { return "" }
        return String(format: ", %.2f of %d CPU%@ busy", cores, usable, usable == 1 ? "" : "s")
    }

    /// The line of a computing row whose threads ran one at a time: the parallelism behind the
    /// verdict, its cause (the GIL, or a single usable CPU), and what the wall-time ratio did.
    func serialText(_ row: SummaryRow, _ parallelism: LogInterval, subject: Subject, usableCPUs: Int,
                    limit: UsableCPUs.Limit?) -> String {
        let cause = !row.runsWithoutGIL ? "the GIL" : usableCPUs == 1 ? "1 usable CPU" : "something serialized them"
        let figure = String(format: "%.2f cores busy at %d threads [%.2f-%.2f] of ", parallelism.estimate,
                            row.threads, parallelism.low, parallelism.high) + MachineInfo.cpusText(usableCPUs, limit: limit)
        let ratio = String(format: "%.2fx [%.2f-%.2f]", row.speedup, row.speedupCI95Low, row.speedupCI95High)
        let wall: String
        switch Verdict.classify(ciLow: row.speedupCI95Low, ciHigh: row.speedupCI95High) {
        case .inconclusive: wall = "the wall-time ratio, \(ratio), moved with the CPU time the work took"
        case .hurts: wall = "and they cost time: the wall-time ratio was \(ratio)"
        default: wall = "the wall-time ratio was \(ratio)"
        }
        let consequence = subject == .threads ? ", so they cannot speed up computation" : ""
        return "\(subject.rawValue) ran one at a time under \(runtime) (\(figure): \(cause))\(consequence); \(wall)"
    }

    /// The verb of a row's verdict; an inconclusive one says which side of 1x its interval lies on.
    static func verb(_ row: SummaryRow) -> String {
        switch row.verdict {
        case .helps: "help"
        case .hurts: "hurt"
        case .noGain: "make no difference"
        case .serialized: "ran one at a time"
        case .inconclusive where row.intervalIsNominal95 && row.speedupCI95High < 1: "may hurt or make no difference"
        case .inconclusive where row.intervalIsNominal95 && row.speedupCI95Low > 1: "may help or make no difference"
        case .inconclusive, .baseline, .failed, .notApplicable: "may or may not help"
        }
    }

    /// Why an inconclusive row is one: its interval reaches across a bound, or too few repetitions.
    static func caveat(_ row: SummaryRow) -> String {
        guard row.verdict == .inconclusive else { return "" }
        if !row.intervalIsNominal95 {
            return ", but \(row.repetitions) repetitions are too few to tell"
        }
        return String(format: ", but its 95%% interval %.2f-%.2f reaches across %.2f or %.2f", row.speedupCI95Low,
                      row.speedupCI95High, Verdict.hurtsBelow, Verdict.helpsAbove)
    }
}

extension RuntimeGap {
    /// "math at 8 threads: swift 1.96x, swift-gil 0.99x, cpython 1.00x; the emulated GIL came within 0.01 of CPython's speedup".
    var text: String {
        guard let threads else {
            return "\(workload): no thread count above 1 ran under every runtime, so there is nothing to compare"
        }
        var line = "\(workload) at \(threads) threads: "
            + speedups.map { "\($0.runtime) \(Finding.times($0.speedup))" }.joined(separator: ", ")
        if let gap {
            let size = String(format: "%.2f", abs(gap))
            line += abs(gap) <= closeMargin
                ? "; the emulated GIL came within \(size) of CPython's speedup"
                : "; the emulated GIL's speedup is \(size) \(gap > 0 ? "above" : "below") CPython's"
        }
        if cpythonErrors { line += " (CPython rows had errors, see first_error)" }
        return line
    }
}

extension ProcessesGain {
    /// "math: under CPython's GIL threads give 0.97x at 2; processes (fork) give 1.90x".
    var text: String {
        let lockName = lock == .cpython ? "CPython's GIL" : "the emulated GIL"
        let method = startMethod.map { " (\($0))" } ?? ""
        var line = "\(workload): under \(lockName) threads give \(Finding.times(threadSpeedup)) at \(count); "
            + "processes\(method) give \(Finding.times(processSpeedup))"
        if !clearGain { line += ", which is not a clear gain either" }
        if processErrorsAndTimeouts > 0 {
            line += "; \(processErrors) process errors or timeouts, see the CSV's first_error"
        }
        return line
    }
}
