import Markdown

/// A lesson's citations, `[@kingma2014]`, against the course's `references.bib`: each
/// becomes "(Kingma & Welling, 2014)" linking to its entry in the lesson's reference list,
/// which lists every work the lesson cites, sorted by author and year (APA-like). An unknown
/// key is an `unknown-citation` error at the citation, with the closest key; a citation in a
/// course without `references.bib` says where the file goes.
struct PageCitations {
    var file: String
    var bibliography: Bibliography?
    var strings: PageStrings
    /// Keys in the order first cited.
    private(set) var cited: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, bibliography: Bibliography?, strings: PageStrings) {
        self.file = file
        self.bibliography = bibliography
        self.strings = strings
    }

    mutating func render(_ items: [CitationItem], written: String, at location: MarkdownLocation) -> String? {
        guard let bibliography else {
            diagnostics.append(Diagnostic(file: file, line: location.line, column: location.column, kind: .unknownCitation,
                                          message: "'\(written)' cites a work, but the course has no \(Bibliography.fileName)",
                                          suggestion: "put the references, in BibTeX, in \(Bibliography.fileName) beside the lessons"))
            return nil
        }
        var parts: [String] = []
        for item in items {
            guard let entry = bibliography.entries[item.key] else {
                let hint = closestMatch(to: item.key, in: Array(bibliography.entries.keys)).map { "did you mean '@\($0)'?" }
                    ?? "add an entry with this key to \(bibliography.path)"
                diagnostics.append(Diagnostic(file: file, line: location.line, column: location.column, kind: .unknownCitation,
                                              message: "no entry '\(item.key)' in \(bibliography.path)", suggestion: hint))
                parts.append("<span class=\"citation-missing\">@\(escapeHTML(item.key))?</span>")
                continue
            }
            if !cited.contains(item.key) { cited.append(item.key) }
            var text = item.suppressesAuthor ? entry.year : "\(Self.shortAuthors(entry.familyNames)), \(entry.year)"
            if let locator = item.locator { text += ", " + locator }
            parts.append("<a href=\"#\(escapeHTML(Self.anchor(item.key)))\">\(escapeHTML(text))</a>")
        }
        return "<span class=\"citation\">(" + parts.joined(separator: "; ") + ")</span>"
    }

    static func anchor(_ key: String) -> String { "ref-" + key }

    /// "Kingma", "Kingma & Welling", "Rezende et al.".
    static func shortAuthors(_ names: [String]) -> String {
        switch names.count {
        case 0: "?"
        case 1: names[0]
        case 2: "\(names[0]) & \(names[1])"
        default: "\(names[0]) et al."
        }
    }

    /// The lesson's reference list; "" when it cites nothing.
    func referencesHTML() -> String {
        guard let bibliography, !cited.isEmpty else { return "" }
        // Sorted by authors, year and key; the authors are parsed once per entry, not per comparison.
        let entries = cited.compactMap { bibliography.entries[$0] }
            .map { (entry: $0, authors: $0.familyNames.joined(separator: " ").lowercased()) }
            .sorted { ($0.authors, $0.entry.year, $0.entry.key) < ($1.authors, $1.entry.year, $1.entry.key) }
            .map(\.entry)
        var html = "<section class=\"references\" aria-labelledby=\"ref-list\">\n"
        html += "<h2 id=\"ref-list\">\(escapeHTML(strings.references))</h2>\n<ol>\n"
        for entry in entries { html += "<li id=\"\(escapeHTML(Self.anchor(entry.key)))\">\(Self.reference(entry))</li>\n" }
        return html + "</ol>\n</section>\n"
    }

    /// "Kingma, D. P., & Welling, M. (2014). Auto-encoding variational Bayes. *ICLR*. arXiv:1312.6114."
    static func reference(_ entry: Bibliography.Entry) -> String {
        let people = Bibliography.people(entry["author"] ?? entry["editor"] ?? "").map { person in
            let initials = person.given.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap(\.first).map { "\($0)." }
            return initials.isEmpty ? person.family : "\(person.family), \(initials.joined(separator: " "))"
        }
        var authors = people.joined(separator: ", ")
        if people.count > 1 { authors = people.dropLast().joined(separator: ", ") + ", & " + people.last! }
        var html = escapeHTML(authors.isEmpty ? "?" : authors) + " (\(escapeHTML(entry.year))). "
        if let title = entry["title"] { html += escapeHTML(title.hasSuffix(".") || title.hasSuffix("?") ? title : title + ".") + " " }
        var venue = entry["journal"] ?? entry["booktitle"] ?? entry["howpublished"] ?? entry["school"] ?? entry["institution"]
        if venue == nil, entry.type == "book" { venue = entry["publisher"] }
        if let venue {
            html += "<em>\(escapeHTML(venue))</em>"
            if let volume = entry["volume"] { html += ", " + escapeHTML(volume) + (entry["number"].map { "(\(escapeHTML($0)))" } ?? "") }
            if let pages = entry["pages"] { html += ", " + escapeHTML(pages) }
            html += ". "
        }
        if let eprint = entry["eprint"], (entry["archiveprefix"] ?? entry["eprinttype"] ?? "arxiv").lowercased() == "arxiv" {
            html += "<a href=\"https://arxiv.org/abs/\(escapeHTML(eprint))\">arXiv:\(escapeHTML(eprint))</a>. "
        }
        if let doi = entry["doi"] {
            html += "<a href=\"https://doi.org/\(escapeHTML(doi))\">doi:\(escapeHTML(doi))</a>"
        } else if let url = entry["url"], url.hasPrefix("https://") || url.hasPrefix("http://") {
            html += "<a href=\"\(escapeHTML(url))\">\(escapeHTML(url))</a>"
        }
        return html.trimmingCharacters(in: .whitespaces)
    }
}
