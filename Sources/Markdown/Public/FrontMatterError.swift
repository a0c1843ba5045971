/// Malformed front matter: bad YAML, a value of the wrong type, or a missing closing `---`.
///
/// `line` and `column` are 1-based positions in the original file (the opening `---` is line 1).
public struct FrontMatterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// A concrete fix, when there is one more specific than "fix the YAML".
    public var suggestion: String?

    public init(line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    public var location: MarkdownLocation { MarkdownLocation(line: line, column: column) }

    public var description: String { "\(line):\(column): \(message)" }
}
