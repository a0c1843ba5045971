import Foundation

/// Finds an excerpt of a source file: a declaration by name (`logDensity`, or
/// `MixturePrior.logDensity` for a member of a type), with its doc comment and attributes and
/// up to its closing brace; or the lines between `// listing: name` and `// end listing: name`.
/// The excerpt is dedented. Braces inside strings and comments are skipped when matching.
struct SourceExcerpt: Equatable {
    var firstLine: Int
    var lastLine: Int
    var code: String

    enum Failure: Error, Equatable {
        case notFound(String)
        case unclosed(String, line: Int)
    }

    /// The lines between the markers (exclusive).
    static func marked(_ name: String, in text: String) throws(Failure) -> SourceExcerpt {
        let lines = text.components(separatedBy: "\n")
        func isMarker(_ line: String, _ word: String) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("//") || trimmed.hasPrefix("#") else { return false }
            let body = trimmed.drop { $0 == "/" || $0 == "#" }.trimmingCharacters(in: .whitespaces)
            return body == "\(word): \(name)"
        }
        guard let start = lines.firstIndex(where: { isMarker($0, "listing") }) else { throw .notFound(name) }
        guard let end = lines[(start + 1)...].firstIndex(where: { isMarker($0, "end listing") }) else {
            throw .unclosed(name, line: start + 1)
        }
        return excerpt(lines, from: start + 1, to: end - 1)
    }

    /// A declaration: `name` or `Type.name` (the member inside the type's braces).
    static func declaration(_ symbol: String, in text: String) throws(Failure) -> SourceExcerpt {
        let lines = text.components(separatedBy: "\n")
        let parts = symbol.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { throw .notFound(symbol) }
        return try find(parts[...], in: 0..<lines.count, lines: lines, symbol: symbol)
    }

    /// The declaration of the last of `parts` inside (the bodies of) the others, trying every
    /// declaration of each enclosing type (a type and its extensions) in turn.
    private static func find(_ parts: ArraySlice<String>, in range: Range<Int>, lines: [String],
                             symbol: String) throws(Failure) -> SourceExcerpt {
        let part = parts.first!
        let isLast = parts.count == 1
        for line in range where declares(lines[line], part, asType: !isLast) {
            let end = try closingLine(lines, from: line, symbol: symbol)
            if isLast { return excerpt(lines, from: leadingCommentStart(lines, before: line), to: end) }
            guard end > line + 1 else { continue }
            if let found = try? find(parts.dropFirst(), in: (line + 1)..<end, lines: lines, symbol: symbol) { return found }
        }
        throw .notFound(symbol)
    }

    private static let memberKeywords = ["func", "var", "let", "case", "subscript", "typealias", "struct", "class", "enum", "actor", "protocol"]
    private static let typeKeywords = ["struct", "class", "enum", "extension", "protocol", "actor"]

    /// Whether `line` declares `name`: `func name(`, `var name:`, `case name`, `struct Name`
    /// (`init` for an initializer); with `asType`, only types and extensions.
    static func declares(_ line: String, _ name: String, asType: Bool) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("*") || trimmed.hasPrefix("/*") { return false }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if name == "init", !asType { return words.contains { $0 == "init" || $0.hasPrefix("init(") || $0.hasPrefix("init<") } }
        let keywords = asType ? typeKeywords : memberKeywords
        for index in words.indices.dropLast() where keywords.contains(words[index]) {
            if words[index + 1].prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }) == name { return true }
        }
        return false
    }

    /// The line of the brace closing the declaration at `line`: its body's, or `line` itself
    /// for a property or case written on one line without braces.
    private static func closingLine(_ lines: [String], from line: Int, symbol: String) throws(Failure) -> Int {
        let first = lines[line]
        let bodyless = ["let", "var", "case", "typealias"].contains { keyword in
            first.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains { $0 == keyword }
        } && !first.contains("{")
        if bodyless { return line }
        var depth = 0
        var inBlockComment = false
        for index in line..<lines.count {
            let chars = Array(lines[index])
            var i = 0
            var inString = false
            while i < chars.count {
                let c = chars[i]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if inBlockComment {
                    if c == "*" && next == "/" { inBlockComment = false; i += 1 }
                } else if inString {
                    if c == "\\" { i += 1 } else if c == "\"" { inString = false }
                } else if c == "/" && next == "/" {
                    break
                } else if c == "/" && next == "*" {
                    inBlockComment = true
                    i += 1
                } else if c == "\"" {
                    inString = true
                } else if c == "{" {
                    depth += 1
                } else if c == "}" {
                    depth -= 1
                    if depth == 0 { return index }
                }
                i += 1
            }
        }
        throw .unclosed(symbol, line: line + 1)
    }

    /// The first line of the doc comment and attributes right above `line`.
    private static func leadingCommentStart(_ lines: [String], before line: Int) -> Int {
        var start = line
        while start > 0 {
            let previous = lines[start - 1].trimmingCharacters(in: .whitespaces)
            guard previous.hasPrefix("///") || previous.hasPrefix("@") || previous.hasPrefix("//") else { break }
            start -= 1
        }
        return start
    }

    /// Lines `from…to` (0-based, inclusive), with their common indentation removed.
    private static func excerpt(_ lines: [String], from: Int, to: Int) -> SourceExcerpt {
        let slice = to >= from ? Array(lines[from...to]) : []
        let indent = slice.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        let code = slice.map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "" : String($0.dropFirst(indent)) }
            .joined(separator: "\n")
        return SourceExcerpt(firstLine: from + 1, lastLine: max(from, to) + 1, code: code)
    }
}
