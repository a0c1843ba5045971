/// Splits a directive block into tokens, reporting lexical problems as it goes.
///
/// Works on UTF-8 bytes: every byte the grammar cares about is ASCII, and a byte scan is cheap
/// even in debug builds. Comments and whitespace produce no tokens. Lexical problems
/// (`unterminated-string`, `invalid-escape`, `malformed-number`, `integer-overflow`) turn the
/// literal into an `.invalidLiteral` token so that the parser can go on without repeating them.
/// A class for the same reason as `DirectiveBlockParser`: cheap `self` in debug builds.
///
/// ```
/// int    := '-'? digit (digit | '_')*
/// float  := int '.' digit (digit | '_')* exponent? | int exponent
/// exponent := ('e' | 'E') ('+' | '-')? digit (digit | '_')*
/// string := '"' (char | '\"' | '\\' | '\n' | '\t' | '\u{' hex{1,8} '}')* '"'   -- one line
/// ```
final class DirectiveLexer {
    private let bytes: [UInt8]
    // Single-threaded and never accessed overlappingly: skip the dynamic exclusivity checks,
    // which dominate debug builds.
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var line = 0
    @exclusivity(unchecked) private(set) var tokens: [DirectiveToken] = []
    @exclusivity(unchecked) private(set) var lines = DirectiveLineTable()
    @exclusivity(unchecked) private(set) var problems: [PendingDiagnostic] = []
    /// Decoded string literals, referenced by `.string(index)` tokens.
    private(set) var strings: [String] = []
    /// Whether the block contains an `@` outside strings and comments.
    private(set) var sawDirective = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 3 + 1)
    }

    /// Tokenizes the whole block; the last token is always `.endOfBlock`.
    func tokenize() {
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case Byte.newline:
                position += 1
                line += 1
                lines.startLine(at: position)
            case Byte.space, Byte.tab, Byte.carriageReturn, 0x0B, 0x0C:
                position += 1
            case Byte.slash where peek(1) == Byte.slash:
                skipComment()
            case Byte.at:
                sawDirective = true
                single(.at)
            case Byte.leftParenthesis: single(.leftParenthesis)
            case Byte.rightParenthesis: single(.rightParenthesis)
            case Byte.leftBracket: single(.leftBracket)
            case Byte.rightBracket: single(.rightBracket)
            case Byte.comma: single(.comma)
            case Byte.colon: single(.colon)
            case Byte.dot:
                if let next = peek(1), Byte.isDigit(next) { number() } else { single(.dot) }
            case Byte.minus:
                if let next = peek(1), Byte.isDigit(next) || (next == Byte.dot && peek(2).map(Byte.isDigit) == true) {
                    number()
                } else {
                    single(.unknown)
                }
            case Byte.quote: string()
            default:
                if Byte.isDigit(byte) {
                    number()
                } else if Byte.isIdentifierHead(byte) {
                    identifier()
                } else {
                    if byte >= 0x80 { lines.markNonASCII() }
                    let length = min(Byte.scalarLength(lead: byte), bytes.count - position)
                    emit(.unknown, from: position, to: position + length)
                }
            }
        }
        tokens.append(DirectiveToken(kind: .endOfBlock, start: bytes.count, end: bytes.count, line: line))
    }

    // MARK: - Tokens

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func emit(_ kind: DirectiveToken.Kind, from start: Int, to end: Int) {
        tokens.append(DirectiveToken(kind: kind, start: start, end: end, line: line))
        position = end
    }

    private func single(_ kind: DirectiveToken.Kind) {
        emit(kind, from: position, to: position + 1)
    }

    private func report(_ id: String, _ message: String, at offset: Int, suggestion: String? = nil) {
        problems.append(PendingDiagnostic(id: id, message: message, suggestion: suggestion, offset: offset, line: line))
    }

    private func skipComment() {
        while position < bytes.count, bytes[position] != Byte.newline {
            if bytes[position] >= 0x80 { lines.markNonASCII() }
            position += 1
        }
    }

    private func identifier() {
        var end = position + 1
        while end < bytes.count, Byte.isIdentifierBody(bytes[end]) { end += 1 }
        emit(.identifier, from: position, to: end)
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // MARK: - Numbers

    /// Consumes the longest run that looks like part of a number (`12abc`, `1_0.`, `0x10` are
    /// single malformed tokens, not a number followed by garbage), then validates it.
    private func number() {
        let start = position
        var end = start
        if bytes[end] == Byte.minus { end += 1 }
        while end < bytes.count {
            let byte = bytes[end]
            if Byte.isIdentifierBody(byte) || byte == Byte.dot {
                end += 1
            } else if (byte == Byte.plus || byte == Byte.minus), end > start,
                      bytes[end - 1] == Byte.lowerE || bytes[end - 1] == Byte.upperE {
                end += 1
            } else {
                break
            }
        }
        let kind = validateNumber(start, end)
        emit(kind, from: start, to: end)
    }

    private func validateNumber(_ start: Int, _ end: Int) -> DirectiveToken.Kind {
        var spelled: String { text(start, end) }
        var i = start
        let negative = bytes[i] == Byte.minus
        if negative { i += 1 }
        func digits() -> Bool {
            guard i < end, Byte.isDigit(bytes[i]) else { return false }
            while i < end, Byte.isDigit(bytes[i]) || bytes[i] == Byte.underscore { i += 1 }
            return true
        }
        guard digits() else {
            let fix = i < end && bytes[i] == Byte.dot ? "write a digit before the point, e.g. 0.5" : nil
            return malformed(spelled, at: start, suggestion: fix)
        }
        let integerEnd = i
        var isFloat = false
        if i < end, bytes[i] == Byte.dot {
            i += 1
            isFloat = true
            guard digits() else {
                return malformed(spelled, at: start, suggestion: "write a digit after the point, e.g. 1.0")
            }
        }
        if i < end, bytes[i] == Byte.lowerE || bytes[i] == Byte.upperE {
            i += 1
            isFloat = true
            if i < end, bytes[i] == Byte.plus || bytes[i] == Byte.minus { i += 1 }
            guard digits() else {
                return malformed(spelled, at: start, suggestion: "write the exponent's digits, e.g. 1e-3")
            }
        }
        guard i == end else {
            let hex = integerEnd - start <= (negative ? 2 : 1) && i < end && (bytes[i] == 0x78 || bytes[i] == 0x62 || bytes[i] == 0x6F)
            return malformed(spelled, at: start,
                             suggestion: hex ? "only decimal numbers are supported" : "numbers look like 42, 60_000, -1.5 or 1e-3")
        }
        if isFloat {
            let plain = spelled.filter { $0 != "_" }
            guard let value = Double(plain), value.isFinite else {
                report("malformed-number", "number '\(spelled)' is out of range", at: start)
                return .invalidLiteral(unterminated: false)
            }
            return .float(value)
        }
        // Accumulate towards the sign so that Int.min itself is representable.
        var value = 0
        var j = negative ? start + 1 : start
        while j < end {
            let byte = bytes[j]
            j += 1
            if byte == Byte.underscore { continue }
            let digit = Int(byte - Byte.zero)
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if o1 || o2 {
                report("integer-overflow", "integer '\(spelled)' does not fit in 64 bits", at: start,
                       suggestion: "use a value between \(Int.min) and \(Int.max)")
                return .invalidLiteral(unterminated: false)
            }
            value = next
        }
        return .int(value)
    }

    private func malformed(_ spelled: String, at start: Int, suggestion: String?) -> DirectiveToken.Kind {
        report("malformed-number", "malformed number '\(spelled)'", at: start, suggestion: suggestion)
        return .invalidLiteral(unterminated: false)
    }

    // MARK: - Strings

    private func string() {
        let start = position
        var i = start + 1
        // Bytes are copied into `value` only once an escape shows up; most strings have none.
        var value: [UInt8] = []
        var escaped = false
        var valid = true
        while true {
            guard i < bytes.count, bytes[i] != Byte.newline else {
                report("unterminated-string", "unterminated string literal", at: start,
                       suggestion: "close it with '\"' on the same line")
                emit(.invalidLiteral(unterminated: true), from: start, to: i)
                return
            }
            let byte = bytes[i]
            if byte == Byte.quote {
                i += 1
                break
            }
            if byte == Byte.backslash {
                if !escaped {
                    escaped = true
                    value = Array(bytes[(start + 1)..<i])
                }
                if let (scalarBytes, length) = escape(at: i) {
                    value += scalarBytes
                    i += length
                } else {
                    valid = false
                    report("invalid-escape", "invalid escape sequence in string literal", at: i,
                           suggestion: #"valid escapes are \", \\, \n, \t and \u{…}"#)
                    // Skip the backslash and the escaped character, unless that ends the line.
                    i += (i + 1 < bytes.count && bytes[i + 1] != Byte.newline) ? 2 : 1
                }
                continue
            }
            if byte >= 0x80 { lines.markNonASCII() }
            if escaped { value.append(byte) }
            i += 1
        }
        if valid {
            strings.append(escaped ? String(decoding: value, as: UTF8.self)
                                   : String(decoding: bytes[(start + 1)..<(i - 1)], as: UTF8.self))
            emit(.string(strings.count - 1), from: start, to: i)
        } else {
            emit(.invalidLiteral(unterminated: false), from: start, to: i)
        }
    }

    /// The UTF-8 bytes of the escape starting at the backslash `at`, and its length in bytes.
    private func escape(at start: Int) -> ([UInt8], Int)? {
        guard start + 1 < bytes.count else { return nil }
        switch bytes[start + 1] {
        case Byte.quote: return ([Byte.quote], 2)
        case Byte.backslash: return ([Byte.backslash], 2)
        case 0x6E: return ([Byte.newline], 2)   // n
        case 0x74: return ([Byte.tab], 2)       // t
        case 0x75:                              // u{…}
            guard start + 2 < bytes.count, bytes[start + 2] == 0x7B else { return nil }
            var i = start + 3
            var scalar: UInt32 = 0
            var count = 0
            while i < bytes.count, let digit = Byte.hexValue(bytes[i]), count < 8 {
                scalar = scalar << 4 | digit
                count += 1
                i += 1
            }
            guard count > 0, i < bytes.count, bytes[i] == 0x7D, let unicode = Unicode.Scalar(scalar) else { return nil }
            return (Array(String(Character(unicode)).utf8), i + 1 - start)
        default:
            return nil
        }
    }
}

/// A diagnostic whose location is still a byte offset within the block.
struct PendingDiagnostic {
    var severity: Diagnostic.Severity = .error
    var id: String
    var message: String
    var suggestion: String?
    var offset: Int
    /// 0-based line within the block.
    var line: Int
}
