import Testing
import ThreadBenchModel
@testable import ThreadBenchOutput

/// The summary's notes are values; Output words them, as the summary CSV's `notes` column shows.
@Suite struct SummaryNoteTextTests {
    @Test func eachNoteReadsAsBefore() {
        let texts: [(SummaryNote, String)] = [
            (.batchesLeftOut(failed: 1, batches: 6), "1 of 6 batches failed and are left out"),
            (.allBatchesFailed(batches: 3), "all 3 batches failed or timed out"),
            (.superlinear(threads: 2), "superlinear (speedup above 2x): no Karp-Flatt"),
            (.pastUsableCPUs(1), "past the 1 usable CPU: no Karp-Flatt (it would measure the CPU limit)"),
            (.pastUsableCPUs(2), "past the 2 usable CPUs: no Karp-Flatt (it would measure the CPU limit)"),
            (.mixedWorkload, "mixed workload: the figure is the added I/O latency, not the speedup"),
            (.noBaseline, "no successful 1-thread batch to measure the speedup against"),
            (.noInterval(rounds: 1), "1 measured round: no interval"),
            (.slowerByWallTime, "the wall-time ratio is decisively below 0.95 as well"),
            (.disturbed(steal: 0.15, otherProcesses: nil), "measured under steal 15% of the machine's CPU time"),
        ]
        for (note, text) in texts { #expect(note.text == text) }
    }
}
