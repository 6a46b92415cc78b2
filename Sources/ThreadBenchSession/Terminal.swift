import Foundation
import ThreadBenchModel
import ThreadBenchOutput

/// Writes to the terminal's two streams for the executable: data to stdout, everything else to stderr.
package enum Terminal {
    /// Prints one error line on stderr.
    package static func error(_ message: String) {
        FileHandle.standardError.write(Data("threadbench: error: \(CSVText.printable(message))\n".utf8))
    }

    /// Prints a warning line on stderr.
    package static func warn(_ message: String) {
        FileHandle.standardError.write(Data("threadbench: warning: \(CSVText.printable(message))\n".utf8))
    }

    /// Writes raw text on stderr (progress lines).
    package static func status(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether stderr is a terminal.
    package static var stderrIsTTY: Bool { isatty(STDERR_FILENO) != 0 }
}

/// Warns that figures from an unoptimised build are not results.
package enum BuildWarning {
    package static func emitIfDebug() { if let text = DebugBuild.warning { Terminal.warn(text) } }
}
