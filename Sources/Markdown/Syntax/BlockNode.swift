/// A block of a parsed document: a value tree that outlives cmark's.
///
/// The cmark bridge produces it with raw positions (`RawPosition`); `DocumentResolver`
/// then turns code blocks into `FencedBlock`s, headings into `Heading`s and math
/// placeholders into `.math` inlines.
indirect enum BlockNode: Sendable, Equatable {
    case paragraph([InlineNode])
    /// `index` points into the document's `headings`; -1 until resolved. The position is the
    /// heading's start, as cmark reports it.
    case heading(level: Int, index: Int, [InlineNode], RawPosition)
    /// A fenced block, before resolution: raw info, literal, the fence's raw position and,
    /// when the block runs to the end of the document unclosed, the fence that would close it.
    case rawFencedCode(info: String, literal: String, fence: RawPosition, missingClosingFence: String?)
    /// A fenced block, after resolution: index into the document's `fencedBlocks`.
    case fencedCode(index: Int)
    case indentedCode(String)
    /// Raw HTML; rendered escaped, as visible text.
    case htmlBlock(String)
    case blockQuote([BlockNode])
    case list(ListNode)
    case thematicBreak
    case table(TableNode)
    /// A fenced div (`::: {.callout-note}` … `:::`).
    case division(DivisionNode)
}

/// A fenced div's attributes and blocks. A callout's title (its `title` attribute, or the
/// heading it starts with) is taken out of its blocks, so it is no section of the lesson.
struct DivisionNode: Sendable, Equatable {
    var attributes: BlockAttributes
    var title: [InlineNode]?
    var children: [BlockNode]
}

/// A bullet or ordered list; `items` holds each item's blocks.
struct ListNode: Sendable, Equatable {
    var ordered: Bool
    var start: Int
    var tight: Bool
    var items: [[BlockNode]]
    /// Per item: nil for an ordinary item, else whether its task box is ticked (`- [x]`).
    var tasks: [Bool?] = []
}

/// A GFM table: a header row and body rows of cells, each cell a list of inlines.
struct TableNode: Sendable, Equatable {
    enum Alignment: Sendable, Equatable { case none, left, center, right }

    var alignments: [Alignment]
    var header: [[InlineNode]]
    var rows: [[[InlineNode]]]
}

/// A position as cmark reports it: 1-based line, 1-based UTF-8 byte column, in the text
/// cmark was fed (front matter blanked, math replaced by placeholders).
struct RawPosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
