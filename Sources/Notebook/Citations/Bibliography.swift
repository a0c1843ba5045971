import Foundation

/// The course's references: `Notes/references.bib`, BibTeX as reference managers export it.
///
/// Entries are `@type{key, field = {value}, field = "value", field = 2014}`; braces nest,
/// `@comment` and `@preamble` are skipped, `@string` abbreviations are expanded. LaTeX accents
/// (`{\"o}`, `\'e`, `\c{c}`) become letters and other braces are dropped. A malformed entry is
/// an `invalid-bibliography` error at its line and column, and the others are kept.
public struct Bibliography: Sendable {
    public struct Entry: Sendable, Equatable {
        public var type: String
        public var key: String
        /// Field names lowercased; values with LaTeX markup resolved.
        public var fields: [String: String]
        public var line: Int

        public subscript(_ field: String) -> String? { fields[field] }

        /// Family names of the authors (else the editors), in order.
        public var familyNames: [String] {
            let people = fields["author"] ?? fields["editor"] ?? ""
            return Bibliography.people(people).map(\.family)
        }

        public var year: String { fields["year"] ?? fields["date"].map { String($0.prefix(4)) } ?? "s.d." }
    }

    public static let fileName = "references.bib"

    public private(set) var entries: [String: Entry] = [:]
    public private(set) var diagnostics: [Diagnostic] = []
    /// As written in diagnostics: `Notes/references.bib`.
    public var path: String

    public init(path: String, text: String) {
        self.path = path
        var parser = BibParser(text: Array(text.unicodeScalars))
        var strings: [String: String] = ["jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
                                         "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
                                         "nov": "November", "dec": "December"]
        while let start = parser.nextEntryStart() {
            do {
                let raw = try parser.entry(strings: strings)
                switch raw.type {
                case "comment", "preamble": continue
                case "string":
                    for (name, value) in raw.fields { strings[name] = value }
                    continue
                default: break
                }
                if entries[raw.key] != nil {
                    diagnostics.append(Diagnostic(file: path, line: start.line, column: start.column, kind: .invalidBibliography,
                                                  message: "the key '\(raw.key)' is defined twice; the first entry is kept",
                                                  suggestion: "give each entry a key of its own"))
                    continue
                }
                entries[raw.key] = Entry(type: raw.type, key: raw.key,
                                         fields: raw.fields.mapValues(LaTeXText.plain), line: start.line)
            } catch {
                diagnostics.append(Diagnostic(file: path, line: error.line, column: error.column, kind: .invalidBibliography,
                                              message: "malformed BibTeX: \(error.message)",
                                              suggestion: "write entries as @article{key, author = {…}, title = {…}, year = {2014}}"))
                parser.skipToNextEntry()
            }
        }
    }

    /// Reads `references.bib` in the lessons folder; nil when there is none.
    public static func load(from folder: URL, displayPrefix: String) -> Bibliography? {
        let url = folder.appendingPathComponent(fileName)
        let path = displayPrefix + "/" + fileName
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes else { return nil }
        guard attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? Int ?? 0) <= 10 << 20,
              let data = FileManager.default.contents(atPath: url.path) else {
            var bibliography = Bibliography(path: path, text: "")
            bibliography.diagnostics = [Diagnostic(file: path, line: 1, column: 1, kind: .invalidBibliography,
                                                   message: "the file is not a readable text file of at most 10 MB",
                                                   suggestion: "keep the course's references in a plain BibTeX file")]
            return bibliography
        }
        guard let text = String(data: data, encoding: .utf8) else {
            var bibliography = Bibliography(path: path, text: "")
            bibliography.diagnostics = [Diagnostic(file: path, line: 1, column: 1, kind: .invalidBibliography,
                                                   message: "the file is not UTF-8 text", suggestion: "save it as UTF-8")]
            return bibliography
        }
        return Bibliography(path: path, text: LessonText.normalized(text))
    }

    /// `Kingma, Diederik P. and Welling, Max` → [(Kingma, Diederik P.), (Welling, Max)];
    /// `Max Welling` is given name first.
    static func people(_ text: String) -> [(family: String, given: String)] {
        text.components(separatedBy: " and ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { name in
            if let comma = name.firstIndex(of: ",") {
                return (String(name[..<comma]).trimmingCharacters(in: .whitespaces),
                        String(name[name.index(after: comma)...]).trimmingCharacters(in: .whitespaces))
            }
            let words = name.split(separator: " ")
            guard words.count > 1 else { return (name, "") }
            return (String(words.last!), words.dropLast().joined(separator: " "))
        }
    }
}

/// What a BibTeX parse error says, where.
struct BibError: Error {
    var line: Int
    var column: Int
    var message: String
}

/// A small recursive-descent reader of BibTeX.
struct BibParser {
    struct RawEntry {
        var type: String
        var key: String
        var fields: [String: String]
    }

    let text: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1

    static let maximumValueBytes = 64 << 10

    init(text: [Unicode.Scalar]) { self.text = text }

    private var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

    private mutating func advance() {
        guard let scalar = current else { return }
        index += 1
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    private mutating func skipSpace() {
        while let scalar = current, scalar.properties.isWhitespace { advance() }
    }

    private func error(_ message: String) -> BibError { BibError(line: line, column: column, message: message) }

    /// Moves to the next `@`; its position, or nil at the end.
    mutating func nextEntryStart() -> (line: Int, column: Int)? {
        while let scalar = current, scalar != "@" { advance() }
        return current == nil ? nil : (line, column)
    }

    mutating func skipToNextEntry() {
        advance()
        _ = nextEntryStart()
    }

    private mutating func name() -> String {
        var result = ""
        while let scalar = current, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-:./+'".unicodeScalars.contains(scalar) {
            result.unicodeScalars.append(scalar)
            advance()
        }
        return result
    }

    mutating func entry(strings: [String: String]) throws(BibError) -> RawEntry {
        advance() // @
        let type = name().lowercased()
        guard !type.isEmpty else { throw error("expected an entry type after '@'") }
        skipSpace()
        guard let open = current, open == "{" || open == "(" else { throw error("expected '{' after @\(type)") }
        let close: Unicode.Scalar = open == "{" ? "}" : ")"
        advance()
        skipSpace()
        if type == "comment" || type == "preamble" {
            _ = try braced(opening: open, closing: close)
            return RawEntry(type: type, key: "", fields: [:])
        }
        var key = ""
        if type != "string" {
            key = name()
            guard !key.isEmpty else { throw error("expected the entry's key after @\(type){") }
            skipSpace()
            if current == close { advance(); return RawEntry(type: type, key: key, fields: [:]) }
            guard current == "," else { throw error("expected ',' after the key '\(key)'") }
            advance()
        }
        var fields: [String: String] = [:]
        while true {
            skipSpace()
            if current == close { advance(); break }
            let field = name().lowercased()
            guard !field.isEmpty else {
                throw current == nil ? error("the entry '\(key)' is never closed") : error("expected a field name")
            }
            skipSpace()
            guard current == "=" else { throw error("expected '=' after '\(field)'") }
            advance()
            fields[field] = try value(strings: strings)
            skipSpace()
            if current == "," { advance(); continue }
            if current == close { advance(); break }
            throw current == nil ? error("the entry '\(key)' is never closed") : error("expected ',' or '\(close)' after the value of '\(field)'")
        }
        return RawEntry(type: type, key: key, fields: fields)
    }

    /// `{…}`, `"…"`, a number or a `@string` name, joined by `#`.
    private mutating func value(strings: [String: String]) throws(BibError) -> String {
        var result = ""
        while true {
            skipSpace()
            switch current {
            case "{":
                advance()
                result += try braced(opening: "{", closing: "}")
            case "\"":
                advance()
                var depth = 0
                var piece = ""
                while let scalar = current, !(scalar == "\"" && depth == 0) {
                    if scalar == "{" { depth += 1 } else if scalar == "}" { depth -= 1 }
                    piece.unicodeScalars.append(scalar)
                    advance()
                }
                guard current == "\"" else { throw error("a quoted value is never closed") }
                advance()
                result += piece
            case let scalar? where ("0"..."9").contains(scalar):
                while let digit = current, ("0"..."9").contains(digit) { result.unicodeScalars.append(digit); advance() }
            default:
                let start = (line, column)
                let word = name().lowercased()
                guard !word.isEmpty else { throw error("expected a value") }
                guard let expanded = strings[word] else {
                    throw BibError(line: start.0, column: start.1, message: "unknown abbreviation '\(word)' (define it with @string)")
                }
                result += expanded
            }
            // Abbreviations nest: without a bound, a few @string lines expand to gigabytes.
            guard result.utf8.count <= Self.maximumValueBytes else {
                throw error("a value longer than \(Self.maximumValueBytes / 1024) KB (abbreviations expanding without bound?)")
            }
            skipSpace()
            guard current == "#" else { return result }
            advance()
        }
    }

    /// The text up to the brace that closes one already opened, braces inside kept.
    private mutating func braced(opening: Unicode.Scalar, closing: Unicode.Scalar) throws(BibError) -> String {
        var depth = 1
        var result = ""
        let start = (line, column)
        while let scalar = current {
            if scalar == opening { depth += 1 } else if scalar == closing {
                depth -= 1
                if depth == 0 { advance(); return result }
            }
            result.unicodeScalars.append(scalar)
            advance()
        }
        throw BibError(line: start.0, column: start.1, message: "a '\(opening)' is never closed")
    }
}
