import Foundation
import ThreadBenchModel

extension SummaryNote {
    /// The note in a short phrase, as the summary's `notes` column and the exports write it,
    /// e.g. "superlinear (speedup above 2x): no Karp-Flatt".
    public var text: String {
        switch self {
        case let .batchesLeftOut(failed, batches):
            "\(failed) of \(batches) batches failed and are left out"
        case .allBatchesFailed(let batches):
            "all \(batches) batches failed or timed out"
        case .superlinear(let threads):
            "superlinear (speedup above \(threads)x): no Karp-Flatt"
        case .pastUsableCPUs(let cpus):
            "past the \(cpus) usable CPU\(cpus == 1 ? "" : "s"): no Karp-Flatt (it would measure the CPU limit)"
        case .mixedWorkload:
            "mixed workload: the figure is the added I/O latency, not the speedup"
        case .noBaseline:
            "no successful 1-thread batch to measure the speedup against"
        case .noInterval(let rounds):
            "\(rounds) measured round\(rounds == 1 ? "" : "s"): no interval"
        case .slowerByWallTime:
            "the wall-time ratio is decisively below 0.95 as well"
        case let .disturbed(steal, other):
            "measured under "
                + [steal.map { "steal \(Self.percent($0))" }, other.map { "other processes \(Self.percent($0))" }]
                    .compactMap { $0 }.joined(separator: ", ")
                + " of the machine's CPU time"
        }
    }

    private static func percent(_ fraction: Double) -> String { String(format: "%.0f%%", fraction * 100) }
}
