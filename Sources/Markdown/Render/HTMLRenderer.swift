/// Writes a resolved document tree as HTML, in cmark's layout.
///
/// Fenced blocks, code spans and cross-references go through the caller's hooks first; raw
/// HTML is escaped; math keeps its `$`/`$$` delimiters as text inside `span.math` /
/// `div.math`; code listings are highlighted (`CodeHighlighter`); block quotes that follow
/// the callout convention become callouts or collapsible answers (`Callout`), as do Quarto's
/// `::: {.callout-…}` divs; other divs become `<div>`s with their id and classes. Footnotes
/// are numbered links to a list at the end, each with links back to where it was referred to.
struct HTMLRenderer {
    let fencedBlocks: [FencedBlock]
    let headings: [Heading]
    /// Footnote definitions, by number (the first is footnote 1).
    var footnotes: [[BlockNode]] = []
    let replacingBlock: (FencedBlock) -> String?
    let inlineCode: (String, MarkdownLocation) -> String?
    let crossReference: (String, MarkdownLocation) -> String?
    /// HTML for a citation `[@key]` (its items, the text as written, the location of `[`); nil
    /// leaves the text as written.
    var citation: ([CitationItem], String, MarkdownLocation) -> String? = { _, _, _ in nil }
    /// A link's destination as the page should have it (`02-elbo.md` → `02-elbo.html`); nil
    /// keeps the destination as written.
    var linkDestination: (String, MarkdownLocation) -> String? = { _, _ in nil }
    /// An image's address as the page should have it (a lesson's own file copied next to the
    /// page); nil keeps it as written.
    var imageSource: (String, MarkdownLocation) -> String? = { _, _ in nil }
    /// The page's language (BCP 47): callout labels are written in it ("Nota" or "Note",
    /// whichever the lesson wrote); nil keeps them as written.
    var calloutLanguage: String?
    /// The HTML so far (the extensions in `HTMLRenderer+Tables.swift` and `+Footnotes.swift` add to it).
    var out = ""
    /// Inside a link's text, where another link would be invalid.
    private var linkDepth = 0
    private var linksAsText = false
    /// How many times each footnote has been referred to so far.
    var footnoteReferences: [Int: Int] = [:]

    init(fencedBlocks: [FencedBlock], headings: [Heading],
         replacingBlock: @escaping (FencedBlock) -> String? = { _ in nil },
         inlineCode: @escaping (String, MarkdownLocation) -> String? = { _, _ in nil },
         crossReference: @escaping (String, MarkdownLocation) -> String? = { _, _ in nil }) {
        self.fencedBlocks = fencedBlocks
        self.headings = headings
        self.replacingBlock = replacingBlock
        self.inlineCode = inlineCode
        self.crossReference = crossReference
    }

    /// Inline content alone, without hooks and with links reduced to their text: a
    /// heading's entry in a table of contents, itself a link.
    static func inlineHTML(_ inlines: [InlineNode]) -> String {
        var renderer = HTMLRenderer(fencedBlocks: [], headings: [])
        renderer.linksAsText = true
        renderer.render(inlines)
        return renderer.out
    }

    mutating func render(_ blocks: [BlockNode]) -> String {
        out = ""
        for block in blocks { render(block, tight: false) }
        renderFootnotes()
        return out
    }

    /// Starts a new line unless already at the start of one (cmark's `cr`).
    mutating func cr() {
        if let last = out.last, last != "\n" { out += "\n" }
    }

    mutating func render(_ block: BlockNode, tight: Bool) {
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
        case .heading(let level, let index, let inlines, _):
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
                let language = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
                let attribute = language.map { " class=\"language-\(escapeHTML($0))\"" } ?? ""
                let code = language.map { CodeHighlighter.html(for: block.content, language: $0) } ?? escapeText(block.content)
                out += "<pre><code\(attribute)>\(code)</code></pre>\n"
            }
        case .rawFencedCode(_, let literal, _, _), .indentedCode(let literal):
            cr()
            out += "<pre><code>\(escapeText(literal))</code></pre>\n"
        case .htmlBlock(let literal):
            cr()
            out += "<p>\(escapeText(literal.trimmingTrailingNewlines()))</p>\n"
        case .blockQuote(let children):
            cr()
            if let callout = Callout(quoting: children) {
                renderCallout(callout)
                return
            }
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
        case .division(let division):
            cr()
            if let callout = Callout(division: division) {
                renderCallout(callout)
                return
            }
            out += "<div\(Self.attributesHTML(division.attributes))>\n"
            for child in division.children { render(child, tight: false) }
            cr()
            out += "</div>\n"
        }
    }

    /// ` id="…" class="…"` for a div: its id and classes, escaped; key-value pairs are
    /// options for notes, not HTML attributes, and are left out.
    static func attributesHTML(_ attributes: BlockAttributes) -> String {
        var html = attributes.identifier.map { " id=\"\(escapeHTML($0))\"" } ?? ""
        if !attributes.classes.isEmpty { html += " class=\"\(escapeHTML(attributes.classes.joined(separator: " ")))\"" }
        return html
    }

    private mutating func renderCallout(_ callout: Callout) {
        var callout = callout
        if let calloutLanguage { callout.relabel(for: calloutLanguage) }
        out += callout.openingHTML
        if let title = callout.title {
            out += "<p class=\"callout-title\"><strong class=\"callout-label\">"
            render(title)
            out += "</strong></p>\n"
        } else if !callout.lead.isEmpty || !callout.labelHTML.isEmpty {
            out += "<p>" + callout.labelHTML
            render(callout.lead)
            if out.hasSuffix(" ") { out.removeLast() }
            out += "</p>\n"
        }
        for child in callout.rest { render(child, tight: false) }
        cr()
        out += callout.closingHTML
    }

    private mutating func renderList(_ list: ListNode) {
        let tag = list.ordered ? "ol" : "ul"
        cr()
        let taskClass = list.tasks.contains { $0 != nil } ? " class=\"task-list\"" : ""
        out += list.ordered && list.start != 1 ? "<ol\(taskClass) start=\"\(list.start)\">\n" : "<\(tag)\(taskClass)>\n"
        for (position, item) in list.items.enumerated() {
            cr()
            if let checked = position < list.tasks.count ? list.tasks[position] : nil {
                out += "<li class=\"task-list-item\"><input type=\"checkbox\" disabled=\"\"\(checked ? " checked=\"\"" : "") /> "
            } else {
                out += "<li>"
            }
            for child in item { render(child, tight: list.tight) }
            out += "</li>\n"
        }
        cr()
        out += "</\(tag)>\n"
    }

    mutating func render(_ inlines: [InlineNode]) {
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
        case .link(_, _, let children) where linksAsText, .rawLink(_, _, let children, _) where linksAsText,
             .resolvedLink(_, _, let children, _) where linksAsText:
            render(children)
        case .resolvedLink(let written, let title, let children, let location):
            let destination = linkDestination(written, location) ?? written
            out += "<a href=\"\(escapeHref(destination))\"\(titleAttribute(title))>"
            linkDepth += 1
            render(children)
            linkDepth -= 1
            out += "</a>"
        case .link(let destination, let title, let children), .rawLink(let destination, let title, let children, _):
            out += "<a href=\"\(escapeHref(destination))\"\(titleAttribute(title))>"
            linkDepth += 1
            render(children)
            linkDepth -= 1
            out += "</a>"
        case .crossReference(let label, _):
            out += escapeText("@" + label)
        case .citation(_, let written, _):
            out += escapeText(written)
        case .resolvedCitation(let items, let written, let location):
            out += (linkDepth == 0 && !linksAsText ? citation(items, written, location) : nil) ?? escapeText(written)
        case .resolvedCrossReference(let label, let location):
            let replacement = linkDepth == 0 ? crossReference(label, location) : nil
            out += replacement ?? escapeText("@" + label)
        case .rawImage(let source, let title, let children, _):
            out += "<img src=\"\(escapeHref(source))\" alt=\"\(escapeHTML(children.plainText))\""
                + "\(titleAttribute(title)) />"
        case .image(let written, let title, let children, let location):
            let source = imageSource(written, location) ?? written
            out += "<img src=\"\(escapeHref(source))\" alt=\"\(escapeHTML(children.plainText))\""
                + "\(titleAttribute(title)) />"
        case .html(let literal): out += escapeText(literal)
        case .math(let span):
            let kind = span.isDisplay ? "display" : "inline"
            out += "<span class=\"math \(kind)\">\(escapeText(span.source))</span>"
        case .footnoteReference(let number):
            if linksAsText { return }
            if linkDepth > 0 {
                out += "<sup class=\"footnote-ref\">\(number)</sup>"
                return
            }
            let occurrence = footnoteReferences[number, default: 0] + 1
            footnoteReferences[number] = occurrence
            out += "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(Self.referenceID(number, occurrence))\">\(number)</a></sup>"
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
