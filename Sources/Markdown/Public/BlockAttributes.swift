/// Pandoc's attribute syntax, as Quarto authors write it after a heading or a `:::` fence:
/// `{#id .class key="value" key2=value2}`.
///
/// `#` starts the identifier, `.` a class; `key=value` pairs keep their order; a lone `-`
/// is Pandoc's `.unnumbered`. A bare word (`::: callout-note`) is read as one class.
public struct BlockAttributes: Sendable, Equatable {
    public struct Pair: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    public var identifier: String?
    public var classes: [String] = []
    public var pairs: [Pair] = []

    public init(identifier: String? = nil, classes: [String] = [], pairs: [Pair] = []) {
        self.identifier = identifier
        self.classes = classes
        self.pairs = pairs
    }

    /// The value of `key`, the last one when repeated.
    public func value(_ key: String) -> String? { pairs.last { $0.key == key }?.value }

    /// Parses `{…}` (braces included) or a bare class name; nil when the text is neither.
    init?(parsing text: Substring) {
        let trimmed = text.trimmingSpaces
        if trimmed.first != "{" {
            guard !trimmed.isEmpty, trimmed.allSatisfy(Self.isNameCharacter) else { return nil }
            classes = [String(trimmed)]
            return
        }
        guard trimmed.last == "}" else { return nil }
        var rest = trimmed.dropFirst().dropLast()[...]
        while true {
            rest = rest.trimmingSpaces
            guard let first = rest.first else { break }
            switch first {
            case "#":
                let name = rest.dropFirst().prefix(while: Self.isNameCharacter)
                guard !name.isEmpty else { return nil }
                identifier = String(name)
                rest = rest.dropFirst(1 + name.count)
            case ".":
                let name = rest.dropFirst().prefix(while: Self.isNameCharacter)
                guard !name.isEmpty else { return nil }
                classes.append(String(name))
                rest = rest.dropFirst(1 + name.count)
            case "-" where rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true:
                classes.append("unnumbered")
                rest = rest.dropFirst()
            default:
                let key = rest.prefix(while: Self.isNameCharacter)
                guard !key.isEmpty, rest.dropFirst(key.count).first == "=" else { return nil }
                rest = rest.dropFirst(key.count + 1)
                let value: Substring
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    guard let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
                    value = rest[rest.index(after: rest.startIndex)..<close]
                    rest = rest[rest.index(after: close)...]
                } else {
                    value = rest.prefix { $0 != " " && $0 != "\t" }
                    rest = rest.dropFirst(value.count)
                }
                pairs.append(Pair(key: String(key), value: String(value)))
            }
            // Attributes are separated by white space.
            if let next = rest.first, next != " ", next != "\t" { return nil }
        }
    }

    /// Letters, digits, `-`, `_`, `:` and `.` inside a name (Pandoc's identifiers).
    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_:".contains(character)
    }

    /// Splits a heading's text into the text and its trailing attributes:
    /// `"Resultados {#sec-res}"` → (`"Resultados"`, `#sec-res`). Nil when there are none.
    static func trailing(in text: String) -> (text: String, attributes: BlockAttributes)? {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        guard end > text.startIndex, text[text.index(before: end)] == "}",
              let open = text[..<end].lastIndex(of: "{"),
              let attributes = BlockAttributes(parsing: text[open..<end]),
              attributes.identifier != nil || !attributes.classes.isEmpty || !attributes.pairs.isEmpty else { return nil }
        var before = text[..<open]
        while before.last == " " { before.removeLast() }
        return (String(before), attributes)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
