/// Something in a lesson's Markdown that parses but is most likely a mistake: the document
/// reports it (with a location in the original file) and the notebook turns it into a
/// diagnostic.
public struct MarkdownProblem: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// `[^x]` with no `[^x]: …` definition: printed as text.
        case undefinedFootnote
        /// `[^x]: …` that no `[^x]` refers to: left out of the page.
        case unusedFootnote
        /// A `:::` block never closed.
        case unclosedDiv
        /// A `:::` line with nothing open to close.
        case strayDivFence
        /// `{…}` after `:::` or a heading that is not Pandoc's attribute syntax.
        case malformedAttributes
        /// A heading's `{#id}` already used by another heading of the lesson.
        case duplicateHeadingID
        /// A `$` that opens math and is never closed.
        case unmatchedDollar
    }

    public var kind: Kind
    public var location: MarkdownLocation
    public var message: String

    public init(_ kind: Kind, location: MarkdownLocation, message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    init(_ kind: Kind, line: Int, column: Int, message: String) {
        self.init(kind, location: MarkdownLocation(line: line, column: column), message: message)
    }
}
