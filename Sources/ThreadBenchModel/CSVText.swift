import Foundation

/// Formats cells for CSV files.
public enum CSVText {
    /// A number with up to 9 significant digits, no exponent for everyday magnitudes.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(format: "%.9g", value)
        return text
    }

    /// Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
    /// gets a leading apostrophe, the OWASP-recommended neutralisation.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + text : text
    }

    /// Text for one line of a terminal or a Markdown table: line breaks and tabs become
    /// spaces, other control characters (an escape sequence's ESC, for one) become `?`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory != .control {
                out.append(scalar)
            } else {
                out.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : "?")
            }
        }
        return String(out)
    }
}
