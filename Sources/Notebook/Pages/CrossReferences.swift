import Markdown

/// Cross-references from prose to numbered results: `@fig-curvas` → a link reading
/// "Figura 3" to the figure's anchor.
///
/// Prose may cite a figure that appears later in the page, so references are resolved in
/// two passes: while the page renders, each reference becomes a placeholder (its index between two
/// private-use characters, U+E000 and U+E001, which lessons do not use); once
/// every block has been numbered, `resolve` substitutes the links. An unknown label becomes
/// a visible `@label?` and an `unknown-label` diagnostic at the reference.
struct CrossReferences {
    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"

    var file: String
    private var references: [(label: String, location: MarkdownLocation)] = []

    var strings = PageStrings.portuguese

    init(file: String, strings: PageStrings = .portuguese) {
        self.file = file
        self.strings = strings
    }

    /// A placeholder for the reference, to be replaced by `resolve`.
    mutating func placeholder(for label: String, at location: MarkdownLocation) -> String {
        references.append((label, location))
        return "\(Self.open)\(references.count - 1)\(Self.close)"
    }

    /// The page with every placeholder replaced, and a diagnostic per unknown label.
    /// `labels` maps a label to its anchor and caption number (`CaptionCounter.labels`);
    /// `unavailable` holds labels of blocks that failed or were not run: citing one shows
    /// `@label?` without a diagnostic (the block's own error says why).
    func resolve(in html: String, labels: [String: (anchor: String, text: String)],
                 unavailable: Set<String> = []) -> (html: String, diagnostics: [Diagnostic]) {
        guard !references.isEmpty else { return (html, []) }
        var diagnostics: [Diagnostic] = []
        var out = ""
        out.reserveCapacity(html.utf8.count + references.count * 40)
        var rest = html[...]
        while let start = rest.firstIndex(of: Self.open) {
            out += rest[..<start]
            let afterOpen = rest.index(after: start)
            guard let end = rest[afterOpen...].firstIndex(of: Self.close),
                  let number = Int(rest[afterOpen..<end]), references.indices.contains(number) else {
                out.append(Self.open)
                rest = rest[afterOpen...]
                continue
            }
            let (label, location) = references[number]
            if let target = labels[label] {
                out += "<a class=\"xref\" href=\"#\(escapeHTML(target.anchor))\">\(escapeHTML(target.text))</a>"
            } else if unavailable.contains(label) {
                out += "<span class=\"xref missing\" title=\"\(escapeHTML(strings.missingReference))\">@\(escapeHTML(label))?</span>"
            } else {
                let known = labels.keys.sorted()
                let hint = closestMatch(to: label, in: known).map { "did you mean '@\($0)'?" }
                    ?? (known.isEmpty ? "no figure or table of this lesson has a label; add label: \"\(label)\" to its directive"
                                      : "labels: " + known.joined(separator: ", "))
                diagnostics.append(Diagnostic(file: file, line: location.line, column: location.column, id: "unknown-label",
                                              message: "no figure or table in this lesson has label '\(label)'",
                                              suggestion: hint))
                out += "<span class=\"xref missing\">@\(escapeHTML(label))?</span>"
            }
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return (out, diagnostics)
    }
}
