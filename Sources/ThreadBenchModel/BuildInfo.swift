import Foundation

/// Facts about this build of ThreadBench.
public enum BuildInfo {
    /// ThreadBench's version.
    public static let version = "0.1.0"

    /// "release" for optimised builds, "debug" otherwise; a debug-build figure is not a result.
    public static var configuration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    /// The Swift compiler this binary was built with (major.minor).
    public static var swiftVersion: String {
        #if compiler(>=6.4)
        return "6.4+"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}
