/// Recursive-descent parser over the tokens of one block: the block and call level.
/// Arguments and values are in `DirectiveBlockParser+Arguments.swift`.
///
/// Invariant: the last token is `.endOfBlock` and `advance()` never moves past it, so `current`
/// is always a valid index; every loop either consumes a token or returns.
///
/// A class rather than a struct: in debug builds every non-mutating call on a struct's `self`
/// from a mutating method copies the whole value, which made the parser several times slower.
final class DirectiveBlockParser {
    let bytes: [UInt8]
    let tokens: [DirectiveToken]
    /// Decoded string literals, indexed by `.string` tokens.
    let strings: [String]
    let locator: DirectiveLocator
    // Single-threaded and never accessed overlappingly: skip the dynamic exclusivity checks,
    // which dominate debug builds.
    @exclusivity(unchecked) private(set) var index = 0
    @exclusivity(unchecked) private(set) var calls: [DirectiveCall] = []
    @exclusivity(unchecked) private(set) var problems: [PendingDiagnostic] = []
    /// Whether the call being parsed has a problem (its own or a lexical one in a literal).
    @exclusivity(unchecked) var callHasError = false
    /// How many arrays and members enclose the current value.
    @exclusivity(unchecked) var nesting = 0
    /// Deeper values are refused, so that hostile input cannot exhaust the stack.
    static let maximumNesting = 32

    init(bytes: [UInt8], tokens: [DirectiveToken], strings: [String], locator: DirectiveLocator) {
        self.bytes = bytes
        self.strings = strings
        self.tokens = tokens.isEmpty ? [DirectiveToken(kind: .endOfBlock, start: bytes.count, end: bytes.count, line: 0)] : tokens
        self.locator = locator
    }

    // MARK: - Cursor

    var current: DirectiveToken { tokens[index] }

    /// The token after `current` (the end of the block when there is none).
    var next: DirectiveToken { tokens[min(index + 1, tokens.count - 1)] }

    func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// The source text of a token, e.g. an identifier's name.
    func text(of token: DirectiveToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// Whether an identifier token spells `word` (ASCII).
    func token(_ token: DirectiveToken, spells word: StaticString) -> Bool {
        guard token.kind == .identifier, token.end - token.start == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount where bytes[token.start + offset] != pointer[offset] { return false }
        return true
    }

    /// How a token is named in messages, e.g. `')'` or `'epochs'`.
    func spelling(of token: DirectiveToken) -> String {
        switch token.kind {
        case .at: "'@'"
        case .identifier: "'\(text(of: token))'"
        case .leftParenthesis: "'('"
        case .rightParenthesis: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .comma: "','"
        case .colon: "':'"
        case .dot: "'.'"
        case .int, .float: "a number"
        case .string: "a string"
        case .invalidLiteral: "an invalid literal"
        case .unknown: unknownSpelling(token)
        case .endOfBlock: "the end of the block"
        }
    }

    /// An unexpected character in quotes, or by code point when it is a control character.
    private func unknownSpelling(_ token: DirectiveToken) -> String {
        let byte = bytes[token.start]
        guard byte < 0x20 || byte == 0x7F else { return "'\(text(of: token))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Whether `current` is the first token on its line.
    var currentStartsLine: Bool { index == 0 || tokens[index - 1].line != current.line }

    func report(_ id: String, _ message: String, at token: DirectiveToken, suggestion: String? = nil) {
        report(id, message, offset: token.start, line: token.line, suggestion: suggestion)
    }

    func report(_ id: String, _ message: String, offset: Int, line: Int, suggestion: String? = nil) {
        problems.append(PendingDiagnostic(id: id, message: message, suggestion: suggestion, offset: offset, line: line))
        callHasError = true
    }

    // MARK: - Block

    func parseBlock() {
        while current.kind != .endOfBlock {
            let token = current
            switch token.kind {
            case .at:
                parseDirective()
            case .rightParenthesis:
                report("unbalanced-parentheses", "unexpected ')' without a matching '('", at: token,
                       suggestion: "remove it")
                advance()
                skipToNextLine()
            case .rightBracket:
                report("unbalanced-brackets", "unexpected ']' without a matching '['", at: token,
                       suggestion: "remove it")
                advance()
                skipToNextLine()
            default:
                var suggestion = "directives start with '@', e.g. @Train(...)"
                if token.kind == .identifier, next.kind == .leftParenthesis {
                    suggestion = "directives start with '@': write '@\(text(of: token))(…)'"
                }
                report("unexpected-text", "expected a directive or a comment, found \(spelling(of: token))", at: token,
                       suggestion: suggestion)
                advance()
                skipToNextLine()
            }
        }
    }

    /// Skips to the first token of a later line that is outside any parentheses or brackets
    /// opened on the skipped lines, or to the next `@` starting a line.
    func skipToNextLine() {
        var depth = 0
        while current.kind != .endOfBlock {
            if currentStartsLine && (depth == 0 || current.kind == .at) { return }
            switch current.kind {
            case .leftParenthesis, .leftBracket: depth += 1
            case .rightParenthesis, .rightBracket: depth = max(0, depth - 1)
            default: break
            }
            advance()
        }
    }

    // MARK: - Directive

    /// `'@' Name '(' [argument (',' argument)*] ')'`, then nothing but a comment on that line.
    func parseDirective() {
        let at = current
        callHasError = false
        advance()
        guard current.kind == .identifier, current.start == at.end else {
            if current.line == at.line && !current.isHardStop {
                report("expected-name", "expected a directive name after '@', found \(spelling(of: current))", at: current,
                       suggestion: "write the name right after '@', e.g. @Train(...)")
            } else {
                report("expected-name", "expected a directive name after '@'", offset: at.end, line: at.line,
                       suggestion: "write the name right after '@', e.g. @Train(...)")
            }
            skipToNextLine()
            return
        }
        let nameToken = current
        let name = text(of: nameToken)
        advance()
        guard current.kind == .leftParenthesis, current.line == nameToken.line else {
            report("expected-parenthesis", "expected '(' after @\(name)", offset: nameToken.end, line: nameToken.line,
                   suggestion: "write @\(name)() when it takes no arguments")
            skipToNextLine()
            return
        }
        let open = current
        advance()
        let arguments: [DirectiveArgument]
        let close: DirectiveToken
        switch parseArguments(of: "@" + name, opener: open, enclosing: .none) {
        case .closed(let parsed, let closing):
            arguments = parsed
            close = closing
        case .unclosed:
            reportUnclosed(open, owner: "@" + name)
            return
        case .abandoned:
            return
        }
        checkTrailingText(after: close)
        guard !callHasError else { return }
        calls.append(DirectiveCall(name: name, location: locator.location(of: at), arguments: arguments,
                                   source: String(decoding: bytes[at.start..<close.end], as: UTF8.self)))
    }

    /// Reports a `(` left open at a hard stop, unless an unterminated string just swallowed the `)`.
    func reportUnclosed(_ open: DirectiveToken, owner: String) {
        callHasError = true
        if index > 0, case .invalidLiteral(unterminated: true) = tokens[index - 1].kind { return }
        report("unbalanced-parentheses", "missing ')' to close \(owner)(", at: open,
               suggestion: "add ')' after the last argument")
    }

    /// Only a comment (which makes no token) may follow a call's `)` on the same line.
    private func checkTrailingText(after close: DirectiveToken) {
        let token = current
        guard token.kind != .endOfBlock, token.line == close.line else { return }
        let savedError = callHasError
        switch token.kind {
        case .rightParenthesis:
            report("unbalanced-parentheses", "unexpected ')' without a matching '('", at: token, suggestion: "remove it")
        case .rightBracket:
            report("unbalanced-brackets", "unexpected ']' without a matching '['", at: token, suggestion: "remove it")
        case .at:
            report("trailing-text", "another directive on the same line", at: token,
                   suggestion: "start each directive on its own line")
        default:
            report("trailing-text", "unexpected \(spelling(of: token)) after the directive", at: token,
                   suggestion: "remove it or turn it into a comment with //")
        }
        // The call itself is complete; it is kept (the block still fails on the error).
        callHasError = savedError
        advance()
        skipToNextLine()
    }
}
