/// Why a file could not be read back as a ThreadBench raw CSV: the file, the line where it
/// applies, and the problem; its description is one line that names all three.
public struct CSVReadError: Error, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line of the file the problem is on; nil for a problem of the whole file.
    public var line: Int?
    /// What is wrong.
    public var problem: CSVReadProblem

    /// An error of `path` (at `line`, for a problem of one row).
    public init(_ path: String, line: Int? = nil, _ problem: CSVReadProblem) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    /// "run.csv:3: 12 cells where the header has 40".
    public var description: String {
        path + (line.map { ":\($0)" } ?? "") + ": " + problem.text
    }
}
