/// What a CPython interpreter said about its GIL for a batch: how it was built and whether the
/// GIL was on while the batch ran.
///
/// A free-threaded build (3.13t, 3.14t) may still run with its GIL: under `PYTHON_GIL=1`, or
/// when an extension module that does not declare itself free-threading safe re-enables it. So
/// the build alone does not say whether threads could compute in parallel; `enabled` does.
public struct PythonGILState: Sendable, Equatable, Hashable {
    /// Whether the interpreter is a free-threaded build (`sysconfig` `Py_GIL_DISABLED`).
    public var freeThreadedBuild: Bool
    /// Whether the GIL was on at run time (`sys._is_gil_enabled()`; true where that does not exist).
    public var enabled: Bool

    /// A state from the build flag and the run-time GIL.
    public init(freeThreadedBuild: Bool, enabled: Bool) {
        self.freeThreadedBuild = freeThreadedBuild
        self.enabled = enabled
    }
}
