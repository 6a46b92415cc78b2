import Foundation

/// The CPython driver script shipped with the suite as a package resource.
public enum PythonDriver {
    /// The resource bundle's folder name, which SwiftPM places beside the executable.
    static let bundleName = "ThreadBench_ThreadBenchSuite.resources"
    /// The driver's file name inside the bundle.
    static let fileName = "threadbench_driver.py"

    /// The driver's path.
    ///
    /// Looks beside the executable first, where SwiftPM puts the bundle, so that a missing
    /// bundle is an error rather than the fatal error `Bundle.module` raises.
    /// - Throws: `SuiteError` when the driver cannot be found.
    public static func scriptPath() throws -> String {
        let beside = Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: beside),
              let path = Bundle.module.path(forResource: "threadbench_driver", ofType: "py") else {
            throw SuiteError(description: "the CPython driver is missing: expected \(beside) "
                + "(copy the \(bundleName) folder next to the threadbench executable)")
        }
        return path
    }
}
