/// A fenced code block of a lesson, e.g. a `swift-directive` experiment.
public struct FencedBlock: Sendable, Equatable {
    /// Position among the document's fenced blocks, 0-based, in source order.
    public var index: Int
    /// The info string after the opening fence (`swift-directive`), trimmed; "" when absent.
    public var info: String
    /// The literal content, each line ending in "\n", with the fence's indentation removed.
    public var content: String
    /// The first character of the opening fence.
    public var fenceLocation: MarkdownLocation
    /// The first content line (the line after the opening fence). Its column is the
    /// fence's column: character `i` of a content line sits at `column + i`.
    public var contentLocation: MarkdownLocation

    public init(index: Int, info: String, content: String,
                fenceLocation: MarkdownLocation, contentLocation: MarkdownLocation) {
        self.index = index
        self.info = info
        self.content = content
        self.fenceLocation = fenceLocation
        self.contentLocation = contentLocation
    }
}
