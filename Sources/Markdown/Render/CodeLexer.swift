/// Splits source code into highlight tokens for `CodeHighlighter`.
struct CodeLexer {
    enum Kind: String {
        case comment, string, number, keyword, attribute, type
    }

    private let characters: [Character]
    private let grammar: Grammar
    private var index = 0

    init(_ code: String, grammar: Grammar) {
        characters = Array(code)
        self.grammar = grammar
    }

    /// The next token: its kind (nil for plain text) and its text; nil at the end.
    mutating func next() -> (Kind?, String)? {
        guard index < characters.count else { return nil }
        let start = index
        let c = characters[index]
        let kind: Kind?
        if startsWith(grammar.lineComment) {
            while index < characters.count, characters[index] != "\n" { index += 1 }
            kind = .comment
        } else if grammar.blockComments, startsWith("/*") {
            index += 2
            while index < characters.count, !startsWith("*/") { index += 1 }
            index = min(characters.count, index + 2)
            kind = .comment
        } else if c == "\"" || (c == "'" && grammar.singleQuotedStrings) {
            scanString(quote: c)
            kind = .string
        } else if c.isNumber, c.isASCII {
            scanNumber()
            kind = .number
        } else if c == "@", index + 1 < characters.count, isIdentifierStart(characters[index + 1]) {
            index += 1
            scanIdentifier()
            kind = .attribute
        } else if isIdentifierStart(c) {
            scanIdentifier()
            let word = String(characters[start..<index])
            kind = grammar.keywords.contains(word) ? .keyword : (c.isUppercase ? .type : nil)
        } else {
            // Plain text up to the next character that may start a token.
            index += 1
            while index < characters.count, !mayStartToken(at: index) { index += 1 }
            kind = nil
        }
        return (kind, String(characters[start..<index]))
    }

    private func startsWith(_ text: String) -> Bool {
        var i = index
        for character in text {
            guard i < characters.count, characters[i] == character else { return false }
            i += 1
        }
        return true
    }

    private func mayStartToken(at i: Int) -> Bool {
        let c = characters[i]
        return isIdentifierStart(c) || (c.isNumber && c.isASCII) || c == "\"" || c == "'" || c == "@"
            || c == grammar.lineComment.first || c == "/"
    }

    private func isIdentifierStart(_ c: Character) -> Bool { c.isLetter || c == "_" }

    private mutating func scanIdentifier() {
        while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
            index += 1
        }
    }

    /// `123`, `60_000`, `1.5e-3`, `0x1F`; a `.` counts only when a digit follows.
    private mutating func scanNumber() {
        while index < characters.count {
            let c = characters[index]
            if c.isHexDigit || c == "_" || c == "x" || c == "X" {
                index += 1
            } else if c == ".", index + 1 < characters.count, characters[index + 1].isNumber {
                index += 1
            } else if (c == "+" || c == "-"), let previous = characters[safe: index - 1], previous == "e" || previous == "E" {
                index += 1
            } else {
                break
            }
        }
    }

    /// A string with backslash escapes; `"""` / `'''` strings may span lines, others end at a newline.
    private mutating func scanString(quote: Character) {
        let triple = String(repeating: quote, count: 3)
        if startsWith(triple) {
            index += 3
            while index < characters.count, !startsWith(triple) {
                index += characters[index] == "\\" ? 2 : 1
            }
            index = min(characters.count, index + 3)
            return
        }
        index += 1
        while index < characters.count, characters[index] != quote, characters[index] != "\n" {
            index += characters[index] == "\\" ? 2 : 1
        }
        if index < characters.count, characters[index] == quote { index += 1 }
        index = min(characters.count, index)
    }
}

private extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
