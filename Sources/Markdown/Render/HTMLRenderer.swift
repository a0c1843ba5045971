/// Writes a resolved document tree as HTML, in cmark's layout.
///
/// Fenced blocks and code spans go through the caller's hooks first; raw HTML is escaped;
/// math keeps its `$`/`$$` delimiters as text inside `span.math` / `div.math`.
struct HTMLRenderer {
    let fencedBlocks: [FencedBlock]
    let headings: [Heading]
    let replacingBlock: (FencedBlock) -> String?
    let inlineCode: (String, MarkdownLocation) -> String?
    private var out = ""

    init(fencedBlocks: [FencedBlock], headings: [Heading],
         replacingBlock: @escaping (FencedBlock) -> String?,
         inlineCode: @escaping (String, MarkdownLocation) -> String?) {
        self.fencedBlocks = fencedBlocks
        self.headings = headings
        self.replacingBlock = replacingBlock
        self.inlineCode = inlineCode
    }

    mutating func render(_ blocks: [BlockNode]) -> String {
        out = ""
        for block in blocks { render(block, tight: false) }
        return out
    }

    /// Starts a new line unless already at the start of one (cmark's `cr`).
    private mutating func cr() {
        if let last = out.last, last != "\n" { out += "\n" }
    }

    private mutating func render(_ block: BlockNode, tight: Bool) {
        switch block {
        case .paragraph(let inlines):
            if inlines.count == 1, case .math(let span) = inlines[0], span.isDisplay {
                cr()
                out += "<div class=\"math display\">\(escapeText(span.source))</div>\n"
            } else if tight {
                render(inlines)
            } else {
                cr()
                out += "<p>"
                render(inlines)
                out += "</p>\n"
            }
        case .heading(let level, let index, let inlines):
            cr()
            out += "<h\(level) id=\"\(escapeHTML(headings[index].id))\">"
            render(inlines)
            out += "</h\(level)>\n"
        case .fencedCode(let index):
            let block = fencedBlocks[index]
            cr()
            if let replacement = replacingBlock(block) {
                out += replacement
                cr()
            } else {
                let language = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
                let attribute = language.map { " class=\"language-\(escapeHTML(String($0)))\"" } ?? ""
                out += "<pre><code\(attribute)>\(escapeText(block.content))</code></pre>\n"
            }
        case .rawFencedCode(_, let literal, _), .indentedCode(let literal):
            cr()
            out += "<pre><code>\(escapeText(literal))</code></pre>\n"
        case .htmlBlock(let literal):
            cr()
            out += "<p>\(escapeText(literal.trimmingTrailingNewlines()))</p>\n"
        case .blockQuote(let children):
            cr()
            out += "<blockquote>\n"
            for child in children { render(child, tight: false) }
            cr()
            out += "</blockquote>\n"
        case .list(let list):
            renderList(list)
        case .thematicBreak:
            cr()
            out += "<hr />\n"
        case .table(let table):
            renderTable(table)
        }
    }

    private mutating func renderList(_ list: ListNode) {
        let tag = list.ordered ? "ol" : "ul"
        cr()
        out += list.ordered && list.start != 1 ? "<ol start=\"\(list.start)\">\n" : "<\(tag)>\n"
        for item in list.items {
            cr()
            out += "<li>"
            for child in item { render(child, tight: list.tight) }
            out += "</li>\n"
        }
        cr()
        out += "</\(tag)>\n"
    }

    private mutating func renderTable(_ table: TableNode) {
        cr()
        out += "<table>\n<thead>\n"
        renderRow(table.header, cellTag: "th", alignments: table.alignments)
        out += "</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows { renderRow(row, cellTag: "td", alignments: table.alignments) }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    private mutating func renderRow(_ cells: [[InlineNode]], cellTag: String,
                                    alignments: [TableNode.Alignment]) {
        out += "<tr>\n"
        for (column, cell) in cells.enumerated() {
            let alignment = column < alignments.count ? alignments[column] : .none
            let attribute = switch alignment {
            case .none: ""
            case .left: " align=\"left\""
            case .center: " align=\"center\""
            case .right: " align=\"right\""
            }
            out += "<\(cellTag)\(attribute)>"
            render(cell)
            out += "</\(cellTag)>\n"
        }
        out += "</tr>\n"
    }

    private mutating func render(_ inlines: [InlineNode]) {
        for inline in inlines { render(inline) }
    }

    private mutating func render(_ inline: InlineNode) {
        switch inline {
        case .text(let text): out += escapeText(text)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br />\n"
        case .code(let literal, _):
            out += "<code>\(escapeText(literal))</code>"
        case .resolvedCode(let literal, let location):
            out += inlineCode(literal, location) ?? "<code>\(escapeText(literal))</code>"
        case .emphasis(let children): wrap("em", children)
        case .strong(let children): wrap("strong", children)
        case .strikethrough(let children): wrap("del", children)
        case .link(let destination, let title, let children):
            out += "<a href=\"\(escapeHref(destination))\"\(titleAttribute(title))>"
            render(children)
            out += "</a>"
        case .image(let source, let title, let children):
            out += "<img src=\"\(escapeHref(source))\" alt=\"\(escapeHTML(children.plainText))\""
                + "\(titleAttribute(title)) />"
        case .html(let literal): out += escapeText(literal)
        case .math(let span):
            let kind = span.isDisplay ? "display" : "inline"
            out += "<span class=\"math \(kind)\">\(escapeText(span.source))</span>"
        }
    }

    private mutating func wrap(_ tag: String, _ children: [InlineNode]) {
        out += "<\(tag)>"
        render(children)
        out += "</\(tag)>"
    }

    private func titleAttribute(_ title: String) -> String {
        title.isEmpty ? "" : " title=\"\(escapeHTML(title))\""
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" { result.removeLast() }
        return result
    }
}
