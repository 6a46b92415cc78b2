import ThreadBenchModel

/// What a debug build says before it measures: its figures are not results.
public enum DebugBuild {
    /// The warning, or nil in an optimised build.
    public static var warning: String? {
        BuildInfo.configuration == "debug"
            ? "this is a debug build; its figures are not results (build with: swift build -c release)" : nil
    }
}
