/// Build-time syntax highlighting for the code listings of a lesson: no script, works in
/// print and from `file://`.
///
/// A small lexer, not a parser: comments, strings, numbers, keywords, attributes
/// (`@Train`, `@MainActor`, Python decorators) and capitalised names (types) become
/// `<span class="hl-…">`; everything else is escaped text. Languages: `swift`,
/// `swift-directive` (the directive language is Swift call syntax) and `python`/`py`;
/// any other language is escaped only.
///
/// ```swift
/// CodeHighlighter.html(for: "let x = 1", language: "swift")
/// // <span class="hl-keyword">let</span> x = <span class="hl-number">1</span>
/// ```
public enum CodeHighlighter {
    /// The languages with highlighting; others render as plain escaped text.
    public static func supports(_ language: String) -> Bool { Grammar(language: language) != nil }

    /// Highlighted, escaped HTML for the content of a `<code>` element.
    public static func html(for code: String, language: String) -> String {
        guard let grammar = Grammar(language: language) else { return escapeText(code) }
        var lexer = CodeLexer(code, grammar: grammar)
        var out = ""
        while let (kind, text) = lexer.next() {
            if let kind { out += "<span class=\"hl-\(kind.rawValue)\">\(escapeText(text))</span>" } else { out += escapeText(text) }
        }
        return out
    }
}

/// What a language's lexer needs to know.
struct Grammar {
    var keywords: Set<String>
    var lineComment: String
    var blockComments: Bool
    var singleQuotedStrings: Bool

    init?(language: String) {
        switch language.lowercased() {
        case "swift", "swift-directive":
            keywords = Self.swiftKeywords
            lineComment = "//"
            blockComments = true
            singleQuotedStrings = false
        case "python", "py", "python3":
            keywords = Self.pythonKeywords
            lineComment = "#"
            blockComments = false
            singleQuotedStrings = true
        default:
            return nil
        }
    }

    static let swiftKeywords: Set<String> = [
        "actor", "any", "as", "async", "await", "break", "case", "catch", "class", "continue", "default",
        "defer", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for", "func",
        "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "mutating", "nil",
        "nonisolated", "open", "operator", "private", "protocol", "public", "repeat", "rethrows", "return",
        "self", "Self", "some", "static", "struct", "subscript", "super", "switch", "throw", "throws",
        "true", "try", "typealias", "var", "where", "while",
    ]

    static let pythonKeywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
}
