/// One cited work in a citation: `@kingma2014`, `-@kingma2014` (the year alone, after the
/// authors' names in the prose), `@kingma2014, sec. 3` (with a locator).
public struct CitationItem: Sendable, Equatable {
    public var key: String
    public var suppressesAuthor: Bool
    public var locator: String?

    public init(key: String, suppressesAuthor: Bool = false, locator: String? = nil) {
        self.key = key
        self.suppressesAuthor = suppressesAuthor
        self.locator = locator
    }
}

/// Finds Pandoc/Quarto citations in prose: `[@kingma2014]`, `[@kingma2014; @rezende2014]`,
/// `[-@burda2016]`, `[@cremer2018, p. 3]`. Keys are letters, digits and `_:.-`, ending in a
/// letter or digit. Only cmark text nodes reach the scanner, so code and math never do.
enum CitationScanner {
    /// Splits a text node's literal into text and `.citation` nodes; `position` is the text
    /// node's start (the literal is assumed to sit on one line from there).
    static func split(_ text: String, at position: RawPosition) -> [InlineNode] {
        guard text.contains("[@") || text.contains("[-@") else { return [.text(text)] }
        var nodes: [InlineNode] = []
        var pending = ""
        var index = text.startIndex
        var byteOffset = 0
        while index < text.endIndex {
            if text[index] == "[", let close = closingBracket(in: text, after: index),
               let items = items(in: text[text.index(after: index)..<close]) {
                if !pending.isEmpty { nodes.append(.text(pending)); pending = "" }
                let written = String(text[index...close])
                nodes.append(.citation(items, written: written, RawPosition(line: position.line, column: position.column + byteOffset)))
                byteOffset += written.utf8.count
                index = text.index(after: close)
                continue
            }
            pending.append(text[index])
            byteOffset += text[index].utf8.count
            index = text.index(after: index)
        }
        if !pending.isEmpty { nodes.append(.text(pending)) }
        return nodes
    }

    /// The `]` closing a `[@` or `[-@` at `open`, looked for over at most 500 characters and
    /// never past another `[` (so a text of many brackets is scanned once, not once per bracket).
    static func closingBracket(in text: String, after open: String.Index) -> String.Index? {
        let rest = text[text.index(after: open)...]
        guard rest.hasPrefix("@") || rest.hasPrefix("-@") else { return nil }
        for (count, index) in rest.indices.enumerated() {
            if count > 500 || rest[index] == "[" { return nil }
            if rest[index] == "]" { return index }
        }
        return nil
    }

    /// The items of `@a; -@b, p. 3`, or nil when the text is not a citation.
    static func items(in text: Substring) -> [CitationItem]? {
        var items: [CitationItem] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            var rest = part.trimmingSpaces
            let suppresses = rest.hasPrefix("-")
            if suppresses { rest = rest.dropFirst() }
            guard rest.hasPrefix("@") else { return nil }
            rest = rest.dropFirst()
            var key = rest.prefix { $0.isLetter || $0.isNumber || "_:.-".contains($0) }
            while let last = key.last, !(last.isLetter || last.isNumber) { key.removeLast() }
            guard let first = key.first, first.isLetter || first.isNumber, key.allSatisfy(\.isASCII) else { return nil }
            rest = rest.dropFirst(key.count).trimmingSpaces
            var locator: String?
            if rest.hasPrefix(",") {
                let text = rest.dropFirst().trimmingSpaces
                locator = text.isEmpty ? nil : String(text)
            } else if !rest.isEmpty {
                return nil
            }
            items.append(CitationItem(key: String(key), suppressesAuthor: suppresses, locator: locator))
        }
        return items.isEmpty ? nil : items
    }
}
