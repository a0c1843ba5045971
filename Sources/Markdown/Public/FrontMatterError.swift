/// Malformed front matter: bad YAML, a value of the wrong type, or a missing closing `---`.
///
/// `line` and `column` are 1-based positions in the original file (the opening `---` is line 1).
public struct FrontMatterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var location: MarkdownLocation { MarkdownLocation(line: line, column: column) }

    public var description: String { "\(line):\(column): \(message)" }
}
