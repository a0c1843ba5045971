/// An inline element of a parsed document.
indirect enum InlineNode: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    /// A code span: literal content and the position of its first character.
    case code(String, RawPosition)
    /// A code span whose position has been mapped to the original file.
    case resolvedCode(String, MarkdownLocation)
    case emphasis([InlineNode])
    case strong([InlineNode])
    case strikethrough([InlineNode])
    case link(destination: String, title: String, [InlineNode])
    /// A link as parsed, with the raw position of its `[`.
    case rawLink(destination: String, title: String, [InlineNode], RawPosition)
    /// A link whose position has been mapped to the original file (for the link hook).
    case resolvedLink(destination: String, title: String, [InlineNode], MarkdownLocation)
    /// An image as parsed, with the raw position of its `!`.
    case rawImage(source: String, title: String, [InlineNode], RawPosition)
    /// An image whose position has been mapped to the original file (for the image hook).
    case image(source: String, title: String, [InlineNode], MarkdownLocation)
    /// Raw inline HTML; rendered escaped, as visible text.
    case html(String)
    /// A math span, delimiters included, exactly as written in the source.
    case math(MathSpan)
    /// A cross-reference `@fig-label` / `@tab-label` in prose: the label (without `@`) and
    /// the raw position of the `@`.
    case crossReference(String, RawPosition)
    /// A cross-reference whose position has been mapped to the original file.
    case resolvedCrossReference(String, MarkdownLocation)
    /// `[^label]`: the footnote's number (1 for the first footnote referred to).
    case footnoteReference(Int)
    /// `[@key; @other]`: the cited works, the text as written and the raw position of `[`.
    case citation([CitationItem], written: String, RawPosition)
    /// A citation whose position has been mapped to the original file (for the citation hook).
    case resolvedCitation([CitationItem], written: String, MarkdownLocation)
}

extension Array where Element == InlineNode {
    /// The text a reader sees, without markup; math keeps its source.
    var plainText: String {
        map { node in
            switch node {
            case .text(let s), .code(let s, _), .resolvedCode(let s, _), .html(let s): s
            case .softBreak, .lineBreak: " "
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.plainText
            case .link(_, _, let c), .image(_, _, let c, _), .rawImage(_, _, let c, _), .rawLink(_, _, let c, _), .resolvedLink(_, _, let c, _): c.plainText
            case .math(let span): span.source
            case .crossReference(let label, _), .resolvedCrossReference(let label, _): "@" + label
            case .footnoteReference: ""
            case .citation(_, let written, _), .resolvedCitation(_, let written, _): written
            }
        }.joined()
    }
}
