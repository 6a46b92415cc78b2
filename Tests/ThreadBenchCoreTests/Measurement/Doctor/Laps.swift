/// Recorded `/proc/stat` and `/proc/self/stat` that advance one reading per `/proc/stat` read.
final class Laps: @unchecked Sendable {
    private let readings: [(String, Int)]
    private var index = -1

    init(_ readings: [(String, Int)]) { self.readings = readings }

    func rewind() { index = -1 }

    func read(_ path: String) -> String? {
        if path == "/proc/stat" { index = min(index + 1, readings.count - 1); return readings[index].0 }
        guard path == "/proc/self/stat", index >= 0 else { return nil }
        return "42 (threadbench) R 1 42 42 0 -1 0 0 0 0 0 \(readings[index].1) 0 0 0 20 0 1 0 1 1 1 0"
    }
}
