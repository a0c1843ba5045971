import Foundation

/// The text a reader can search, one file per lesson (`search/<lesson>.js`): the article's
/// sections (split at its `h2` and `h3` headings), each with its id, title and plain text.
///
/// It is a script, `notesSearch.add({…});`, not JSON, so pages opened from `file://` load it
/// with a `<script>` tag (a browser refuses to fetch a local JSON file); notes.js loads every
/// lesson's file the first time the search box is used and searches them in the browser, with
/// accents and case folded. The text comes from the rendered article, so it holds the
/// results' captions and tables as well as the prose; code listings, answers to exercises
/// (which a search would give away) and `data-volatile` parts (timings) are left out, so the
/// file is the same on every build.
struct SearchIndex: Encodable, Equatable {
    struct Section: Encodable, Equatable {
        /// The heading's id; "" for the text before the first heading.
        var id: String
        var title: String
        var text: String
    }

    var lesson: String
    var title: String
    var sections: [Section]

    /// `search/05-gmvae.js`, relative to the output folder.
    static func path(of lesson: String) -> String { "search/\(lesson).js" }

    init(lesson: String, title: String, article html: String) {
        self.lesson = lesson
        self.title = title
        var sections: [Section] = []
        var current = Section(id: "", title: title, text: "")
        var rest = Substring(SiteComparison.blankingVolatile(html))
        while let heading = Self.nextHeading(in: rest) {
            current.text += Self.plainText(rest[..<heading.start])
            // The text before the first heading is kept even when empty: it carries the lesson's title.
            sections.append(current.tidied)
            current = Section(id: heading.id, title: Self.plainText(heading.inner), text: "")
            current.title = current.tidied.title
            rest = rest[heading.end...]
        }
        current.text += Self.plainText(rest)
        sections.append(current.tidied)
        self.sections = sections
    }

    /// `notesSearch.add({…});` with sorted keys, so the file is a function of the page.
    var script: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "notesSearch.add(" + json + ");\n"
    }

    /// The next `<h2 id="…">…</h2>` or `<h3 …>`: where it starts and ends, its id and content.
    private static func nextHeading(in html: Substring) -> (start: Substring.Index, end: Substring.Index, id: String, inner: Substring)? {
        var search = html[...]
        while let open = search.range(of: "<h") {
            let level = search[open.upperBound...].prefix(1)
            guard level == "2" || level == "3" else { search = search[open.upperBound...]; continue }
            let tagStart = search.index(open.upperBound, offsetBy: 1)
            guard search[tagStart...].hasPrefix(" id=\""), let tagEnd = search[tagStart...].firstIndex(of: ">"),
                  let close = search[tagEnd...].range(of: "</h\(level)>") else {
                search = search[open.upperBound...]
                continue
            }
            let idStart = search.index(tagStart, offsetBy: 5)
            let id = search[idStart...].prefix { $0 != "\"" }
            return (open.lowerBound, close.upperBound, decodeEntities(String(id)),
                    search[search.index(after: tagEnd)..<close.lowerBound])
        }
        return nil
    }

    /// Elements whose content is not searched: code, answers, scripts and styles.
    private static let skipped: [(open: String, close: String)] = [
        ("<pre", "</pre>"), ("<details class=\"answer\"", "</details>"), ("<script", "</script>"), ("<style", "</style>"),
    ]

    /// The text of an HTML fragment: tags dropped (block ends become spaces), entities decoded,
    /// white space collapsed.
    static func plainText(_ html: Substring) -> String {
        var out = ""
        var rest = html
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            let tag = rest[lt...]
            if let skip = skipped.first(where: { tag.hasPrefix($0.open) }) {
                rest = tag.range(of: skip.close).map { tag[$0.upperBound...] } ?? ""
                out += " "
                continue
            }
            guard let gt = tag.firstIndex(of: ">") else { break }
            let name = tag.dropFirst().prefix { $0 != " " && $0 != ">" }
            if !["a", "/a", "em", "/em", "strong", "/strong", "code", "/code", "sup", "/sup", "span", "/span", "del", "/del"]
                .contains(String(name)) {
                out += " "
            }
            rest = tag[tag.index(after: gt)...]
        }
        out += rest
        return decodeEntities(out)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let entity = rest[amp...]
            guard let semicolon = entity.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = entity.dropFirst()
                continue
            }
            let name = entity[entity.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
            var decoded: String?
            if let value = named[String(name)] {
                decoded = value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) {
                decoded = Unicode.Scalar(code).map { String(Character($0)) }
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                decoded = Unicode.Scalar(code).map { String(Character($0)) }
            }
            if let decoded {
                out += decoded
                rest = entity[entity.index(after: semicolon)...]
            } else {
                out += "&"
                rest = entity.dropFirst()
            }
        }
        return out + rest
    }
}

private extension SearchIndex.Section {
    /// White space collapsed to single spaces, trimmed.
    var tidied: Self {
        func tidy(_ text: String) -> String {
            text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return .init(id: id, title: tidy(title), text: tidy(text))
    }
}
