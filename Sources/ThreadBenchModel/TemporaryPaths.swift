import CThreadShims

/// Temporary files and folders that must not outlive the process, even one ended at once
/// by a second Ctrl-C: `Interruption`'s handler removes every registered path before it exits.
///
/// Removal from the handler uses only async-signal-safe calls and goes one level deep: a
/// registered folder may hold files, not folders of files.
public enum TemporaryPaths {
    /// A registration, to hand back to `unregister` once the path is gone or renamed.
    public struct Token: Sendable {
        fileprivate let slot: Int32
    }

    /// Registers `path` for removal if the process is ended by a second signal.
    /// - Returns: a token; registration is best effort (64 paths at once at most).
    public static func register(_ path: String) -> Token {
        Token(slot: tb_temp_register(path))
    }

    /// Forgets a registration.
    public static func unregister(_ token: Token) {
        tb_temp_unregister(token.slot)
    }
}
