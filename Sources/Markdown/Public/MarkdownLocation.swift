/// A position in a lesson's ORIGINAL source file (front matter included).
///
/// Both fields are 1-based. `column` counts characters (grapheme clusters) from the start of
/// the line, so an accented letter such as "ç" counts once whatever its UTF-8 length.
public struct MarkdownLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, the form diagnostics print.
    public var description: String { "\(line):\(column)" }
}
