/// What the fixture server answers to one request target, decided before any I/O.
///
/// Paths: `/delay?ms=N` answers after N ms with an empty body, `/bytes?n=N` answers at once
/// with N bytes, and either takes the other's parameter too (`/delay?ms=20&n=16384`).
/// Anything else is 404; a parameter that is not a whole number in range is 400.
public struct FixtureRoute: Equatable, Sendable {
    /// The longest delay one request may ask for, in milliseconds (one minute).
    public static let maxDelayMs = 60_000
    /// The largest body one request may ask for, in bytes (64 MiB).
    public static let maxBodyBytes = 64 * 1024 * 1024

    /// The HTTP status code to send.
    public var status: Int
    /// How long to wait before answering, in milliseconds.
    public var delayMs: Int
    /// Body bytes to send (the fixture pattern for 200, a short text for errors).
    public var bodyBytes: Int
    /// Why the request was refused, sent as the body of a 400 or 404.
    public var message: String?

    /// Decides the answer for a request target such as `/delay?ms=20&n=16384`.
    public static func resolve(_ target: String) -> FixtureRoute {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        guard path == "/delay" || path == "/bytes" else {
            return refusal(404, "not found: \(path); try /delay?ms=N or /bytes?n=N")
        }
        var delayMs = 0
        var bodyBytes = 0
        let query = parts.count > 1 ? parts[1] : ""
        for pair in query.split(separator: "&") {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(keyValue[0])
            let value = keyValue.count > 1 ? String(keyValue[1]) : ""
            switch key {
            case "ms":
                guard let number = Int(value), (0...maxDelayMs).contains(number) else {
                    return refusal(400, "ms must be a whole number from 0 to \(maxDelayMs), got '\(value)'")
                }
                delayMs = number
            case "n":
                guard let number = Int(value), (0...maxBodyBytes).contains(number) else {
                    return refusal(400, "n must be a whole number from 0 to \(maxBodyBytes), got '\(value)'")
                }
                bodyBytes = number
            default:
                continue
            }
        }
        return FixtureRoute(status: 200, delayMs: delayMs, bodyBytes: bodyBytes, message: nil)
    }

    private static func refusal(_ status: Int, _ message: String) -> FixtureRoute {
        FixtureRoute(status: status, delayMs: 0, bodyBytes: message.utf8.count + 1, message: message)
    }

    /// The byte at `offset` of every 200 body: a repeating `a`...`z` pattern a client can check.
    @inline(__always)
    public static func patternByte(at offset: Int) -> UInt8 {
        UInt8(ascii: "a") &+ UInt8(offset % 26)
    }
}
