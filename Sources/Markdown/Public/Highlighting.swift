/// Code as highlighted HTML (escaped, with `<span class="hl-…">` for keywords, strings,
/// comments, numbers, attributes and types), as the pages' own listings are; `language` is
/// `swift`, `python` or anything else (escaped only).
public func highlightedHTML(_ code: String, language: String) -> String {
    CodeHighlighter.html(for: code, language: language)
}
