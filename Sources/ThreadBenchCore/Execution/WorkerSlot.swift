/// What one worker thread collected; written only by its thread, read after it was joined.
final class WorkerSlot: @unchecked Sendable {
    var taskNanos: [Nanoseconds] = []
    var ops = 0
    var bytes = 0
    var errors = 0
    var firstError: String?
    var samples: [String: [Double]] = [:]
    var lockWaitNanos: Nanoseconds = 0
}
