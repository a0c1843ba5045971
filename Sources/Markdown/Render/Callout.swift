/// A block quote that is really a callout or a collapsible answer.
///
/// Convention: a block quote whose first paragraph starts with a bold label and a colon,
/// `> **Nota:** texto`, becomes a styled box; `> **Resposta:** texto` becomes a collapsed
/// answer. Any other block quote stays a quotation.
///
/// | Markdown             | HTML                                                        |
/// | -------------------- | ----------------------------------------------------------- |
/// | `> **Nota:** …`      | `<aside class="callout callout-note" aria-label="Nota">`     |
/// | `> **Dica:** …`      | `<aside class="callout callout-tip" aria-label="Dica">`      |
/// | `> **Importante:** …`| `<aside class="callout callout-important" aria-label="Importante">` |
/// | `> **Atenção:** …`   | `<aside class="callout callout-warning" aria-label="Atenção">` |
/// | `> **Resposta:** …`  | `<details class="answer"><summary>Resposta</summary>…</details>` |
///
/// The colon may sit inside or right after the bold text (`**Nota**:`). A callout keeps its
/// label, in `<strong class="callout-label">`; an answer moves it into the `<summary>`.
struct Callout: Equatable {
    enum Kind: String, CaseIterable {
        case note, tip, important, warning, answer

        /// The label a lesson writes, in Portuguese.
        var label: String {
            switch self {
            case .note: "Nota"
            case .tip: "Dica"
            case .important: "Importante"
            case .warning: "Atenção"
            case .answer: "Resposta"
            }
        }
    }

    var kind: Kind
    /// The first paragraph's inlines after the label (possibly none).
    var lead: [InlineNode]
    /// The quote's other blocks.
    var rest: [BlockNode]

    /// The callout a block quote stands for, or nil for an ordinary quotation.
    init?(quoting children: [BlockNode]) {
        guard case .paragraph(let inlines)? = children.first, case .strong(let strong)? = inlines.first,
              case .text(let labelText)? = strong.first, strong.count == 1 else { return nil }
        var lead = Array(inlines.dropFirst())
        var name = labelText
        if name.hasSuffix(":") {
            name.removeLast()
        } else if case .text(let after)? = lead.first, after.hasPrefix(":") {
            lead[0] = .text(String(after.dropFirst()))
        } else {
            return nil
        }
        guard let kind = Kind.allCases.first(where: { $0.label == name }) else { return nil }
        self.kind = kind
        // Drop the space (or line break) between the label and the text.
        while let first = lead.first {
            if case .text(let text) = first {
                let trimmed = String(text.drop(while: { $0 == " " || $0 == "\t" }))
                if trimmed.isEmpty { lead.removeFirst(); continue }
                lead[0] = .text(trimmed)
            } else if first == .softBreak || first == .lineBreak {
                lead.removeFirst()
                continue
            }
            break
        }
        self.lead = lead
        rest = Array(children.dropFirst())
    }

    /// Opening tag(s); the label sits in the summary of an answer.
    var openingHTML: String {
        switch kind {
        case .answer: "<details class=\"answer\">\n<summary>\(kind.label)</summary>\n"
        default: "<aside class=\"callout callout-\(kind.rawValue)\" aria-label=\"\(kind.label)\">\n"
        }
    }

    var closingHTML: String { kind == .answer ? "</details>\n" : "</aside>\n" }

    /// What starts the first paragraph of a callout (nothing for an answer).
    var labelHTML: String {
        kind == .answer ? "" : "<strong class=\"callout-label\">\(kind.label):</strong> "
    }
}
