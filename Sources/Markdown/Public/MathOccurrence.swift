/// A math span of a lesson, for checking it before a browser renders it: the TeX between the
/// delimiters, whether it is display math (`$$…$$`), and where its opening delimiter is.
public struct MathOccurrence: Sendable, Equatable {
    public var tex: String
    public var isDisplay: Bool
    public var location: MarkdownLocation
    /// True when the span sits on one line, so a character offset into `tex` is a column
    /// offset from `location` (after the delimiter).
    public var isSingleLine: Bool

    /// The source column of character `offset` of `tex`, when the span is on one line.
    public func column(ofCharacter offset: Int) -> Int? {
        isSingleLine ? location.column + (isDisplay ? 2 : 1) + offset : nil
    }
}
