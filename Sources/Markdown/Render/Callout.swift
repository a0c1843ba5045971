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
/// | `> **Cuidado:** …`   | `<aside class="callout callout-caution" aria-label="Cuidado">` |
/// | `> **Resposta:** …`  | `<details class="answer"><summary>Resposta</summary>…</details>` |
///
/// English lessons write `> **Note:**`, `> **Tip:**`, `> **Important:**`, `> **Warning:**` and
/// `> **Answer:**` for the same five. The colon may sit inside or right after the bold text
/// (`**Nota**:`). A callout keeps its label as written, in `<strong class="callout-label">`;
/// an answer moves it into the `<summary>`.
///
/// Quarto's fenced divs give the same boxes: `::: {.callout-note}` … `:::` (also `-tip`,
/// `-important`, `-warning`, `-caution`), titled by a `title="…"` attribute or by a heading
/// that starts the div; untitled, it is labelled like the block quote ("Nota:").
struct Callout: Equatable {
    enum Kind: String, CaseIterable {
        case note, tip, important, warning, caution, answer

        /// The callout a fenced div's classes ask for (`callout-note`), if any.
        init?(divisionClasses classes: [String]) {
            for name in classes where name.hasPrefix("callout-") {
                if let kind = Kind(rawValue: String(name.dropFirst("callout-".count))), kind != .answer {
                    self = kind
                    return
                }
            }
            return nil
        }

        /// The labels a lesson writes: Portuguese, English.
        var labels: [String] {
            switch self {
            case .note: ["Nota", "Note"]
            case .tip: ["Dica", "Tip"]
            case .important: ["Importante", "Important"]
            case .warning: ["Atenção", "Warning"]
            case .caution: ["Cuidado", "Caution"]
            case .answer: ["Resposta", "Answer"]
            }
        }
    }

    var kind: Kind
    /// The label as the lesson wrote it.
    var label: String
    /// The first paragraph's inlines after the label (possibly none).
    var lead: [InlineNode]
    /// The quote's other blocks.
    var rest: [BlockNode]

    /// The title of a fenced-div callout, in place of its label.
    var title: [InlineNode]?

    /// A fenced div's callout: titled, or else labelled by its kind at the start of its first
    /// paragraph, as the block-quote convention writes it.
    init?(division: DivisionNode) {
        guard let kind = Kind(divisionClasses: division.attributes.classes) else { return nil }
        self.kind = kind
        label = kind.labels[0]
        title = division.title
        if title == nil, case .paragraph(let inlines)? = division.children.first {
            lead = inlines
            rest = Array(division.children.dropFirst())
        } else {
            lead = []
            rest = division.children
        }
    }

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
        guard let kind = Kind.allCases.first(where: { $0.labels.contains(name) }) else { return nil }
        self.kind = kind
        label = name
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

    /// Writes the label in the page's language (Portuguese or English, by the tag's primary
    /// subtag); other languages keep it as written.
    mutating func relabel(for language: String) {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
        switch primary {
        case "pt": label = kind.labels[0]
        case "en": label = kind.labels[1]
        default: break
        }
    }

    /// Opening tag(s); the label sits in the summary of an answer. A titled callout is
    /// labelled by its title.
    var openingHTML: String {
        switch kind {
        case .answer: "<details class=\"answer\">\n<summary>\(label)</summary>\n"
        default:
            "<aside class=\"callout callout-\(kind.rawValue)\" aria-label=\"\(escapeHTML(title.map(\.plainText) ?? label))\">\n"
        }
    }

    var closingHTML: String { kind == .answer ? "</details>\n" : "</aside>\n" }

    /// What starts the first paragraph of a callout (nothing for an answer).
    var labelHTML: String {
        kind == .answer ? "" : "<strong class=\"callout-label\">\(label):</strong> "
    }
}
