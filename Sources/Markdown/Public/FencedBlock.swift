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
    /// nil for a closed block. When no closing fence was found and the block runs to the end
    /// of the document (having swallowed everything after its opening fence), the fence that
    /// would close it: the opening fence's character repeated as often, e.g. "```".
    public var missingClosingFence: String?

    /// False when the block has no closing fence and runs to the end of the document.
    public var isClosed: Bool { missingClosingFence == nil }

    public init(index: Int, info: String, content: String,
                fenceLocation: MarkdownLocation, contentLocation: MarkdownLocation,
                missingClosingFence: String? = nil) {
        self.index = index
        self.info = info
        self.content = content
        self.fenceLocation = fenceLocation
        self.contentLocation = contentLocation
        self.missingClosingFence = missingClosingFence
    }
}
