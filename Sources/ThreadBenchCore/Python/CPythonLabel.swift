/// The runtime names CPython rows carry in the CSV.
public enum CPythonLabel {
    /// CPython with its GIL (every release before free-threaded builds).
    public static let withGIL = Runtime.cpython.rawValue
    /// A free-threaded CPython that reported `sys._is_gil_enabled()` false.
    public static let noGIL = "cpython-nogil"

    /// The runtime label for an interpreter that reported `gilEnabled`.
    public static func label(gilEnabled: Bool) -> String { gilEnabled ? withGIL : noGIL }

    /// Whether a CSV runtime name is one of CPython's.
    public static func isCPython(_ runtime: String) -> Bool { runtime == withGIL || runtime == noGIL }
}
