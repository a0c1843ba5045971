/// Footnotes: numbered references in the text, and the list at the end of the page.
extension HTMLRenderer {
    /// `fnref-2` for the first reference to footnote 2, `fnref-2-3` for the third.
    static func referenceID(_ number: Int, _ occurrence: Int) -> String {
        occurrence == 1 ? "fnref-\(number)" : "fnref-\(number)-\(occurrence)"
    }

    /// The numbered list of footnotes, each ending with a link back to every place that
    /// refers to it (↩, ↩², …).
    mutating func renderFootnotes() {
        guard !footnotes.isEmpty else { return }
        let english = calloutLanguage.map { $0.lowercased().hasPrefix("en") } ?? false
        let (title, back) = english ? ("Footnotes", "Back to the text") : ("Notas de rodapé", "Voltar ao texto")
        // Definitions may refer to other footnotes: render them first, then the list.
        let body = out
        var items: [String] = []
        for blocks in footnotes {
            out = ""
            for block in blocks { render(block, tight: false) }
            items.append(out)
        }
        out = body
        cr()
        out += "<section class=\"footnotes\" aria-label=\"\(title)\">\n<hr />\n<ol>\n"
        for (offset, var item) in items.enumerated() {
            let number = offset + 1
            let links = (0..<footnoteReferences[number, default: 0]).map { index in
                let mark = index == 0 ? "↩" : "↩<sup>\(index + 1)</sup>"
                return "<a href=\"#\(Self.referenceID(number, index + 1))\" class=\"footnote-back\" aria-label=\"\(back)\">\(mark)</a>"
            }.joined(separator: " ")
            if !links.isEmpty {
                if item.hasSuffix("</p>\n") {
                    item.removeLast("</p>\n".count)
                    item += " " + links + "</p>\n"
                } else {
                    item += "<p>" + links + "</p>\n"
                }
            }
            out += "<li id=\"fn-\(number)\">\n" + item + "</li>\n"
        }
        out += "</ol>\n</section>\n"
    }
}
