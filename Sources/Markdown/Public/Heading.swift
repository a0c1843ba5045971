/// A heading of a lesson, for the page's table of contents.
public struct Heading: Sendable, Equatable {
    /// 1 for `#`, 6 for `######`.
    public var level: Int
    /// The heading's text without markup (math keeps its `$…$` source).
    public var text: String
    /// A slug unique in the document, used as the rendered `id` attribute.
    public var id: String
    /// The heading's content as inline HTML (emphasis, code, math as `span.math`), for a
    /// table of contents; the escaped `text` when not given.
    public var html: String

    public init(level: Int, text: String, id: String, html: String? = nil) {
        self.level = level
        self.text = text
        self.id = id
        self.html = html ?? escapeHTML(text)
    }
}
