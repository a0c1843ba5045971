/// Parses the content of `swift-directive` blocks into `DirectiveCall`s, reporting every
/// syntax problem of a block with a stable id and an exact location.
///
/// ```
/// block     := (directive | comment | blank)*
/// directive := '@' Name '(' [argument (',' argument)*] ')'        -- may span lines
/// argument  := label ':' value
/// value     := int | float | string | bool | array | member
/// array     := '[' [value (',' value)*] [','] ']'
/// member    := '.' name ['(' [argument (',' argument)*] ')']
/// comment   := '//' to end of line
/// ```
///
/// Each directive starts its own line; only a comment may follow its `)` on that line.
/// Lexical rules (numbers, strings) are in `DirectiveLexer`.
///
/// Recovery: an error inside an argument skips to the next `,` or closing delimiter at the same
/// depth; an `@` always ends the current call (a missing `)` is reported at the unclosed `(`);
/// text that is not a directive skips to the next line at depth zero. Calls with any syntax
/// error are left out of `calls`, so that callers never see half-parsed arguments; every other
/// call of the block is returned.
///
/// Diagnostic ids (all errors except `empty-block`):
/// `unterminated-string`, `invalid-escape`, `malformed-number`, `integer-overflow` (lexical);
/// `unbalanced-parentheses`, `unbalanced-brackets` (a missing closer, reported at its opener, or a
/// stray one); `expected-name` (after `@` or `.`), `expected-parenthesis` (after a directive name),
/// `expected-label`, `expected-colon`, `expected-value`, `expected-comma`; `trailing-text` (after a
/// call's `)` on its line); `unexpected-text` (a line that is no directive, comment or blank);
/// `nesting-too-deep` (more than 32 nested arrays/members); `empty-block` (warning: no directive).
///
/// Columns count `Character`s (see `DirectiveLineTable`). The parser never traps: all scans are
/// bounded by the block's bytes and every loop consumes a token.
public enum DirectiveParser {
    /// Parses the content of one `swift-directive` block.
    /// - content: the block's literal text (lines separated by "\n").
    /// - startLine/startColumn: where the first character of `content` sits in the lesson file
    ///   (1-based; every content line is assumed to start at `startColumn` — fenced blocks inside lists are indented).
    public static func parse(_ content: String, file: String, startLine: Int, startColumn: Int)
        -> (calls: [DirectiveCall], diagnostics: [Diagnostic]) {
        let bytes = Array(content.utf8)
        let lexer = DirectiveLexer(bytes: bytes)
        lexer.tokenize()
        let locator = DirectiveLocator(bytes: bytes, lines: lexer.lines, startLine: startLine, startColumn: startColumn)
        let parser = DirectiveBlockParser(bytes: bytes, tokens: lexer.tokens, strings: lexer.strings, locator: locator)
        parser.parseBlock()

        var pending = merged(sortedByOffset(lexer.problems), sortedByOffset(parser.problems))
        if pending.isEmpty && !lexer.sawDirective {
            pending.append(PendingDiagnostic(severity: .warning, id: "empty-block",
                                             message: "directive block contains no directive",
                                             suggestion: "add a directive such as @Train(...) or remove the block",
                                             offset: 0, line: 0))
        }
        let diagnostics = pending.map { problem in
            let location = locator.location(offset: problem.offset, line: problem.line)
            return Diagnostic(problem.severity, file: file, line: location.line, column: location.column,
                              id: problem.id, message: problem.message, suggestion: problem.suggestion)
        }
        return (parser.calls, diagnostics)
    }

    /// Stable insertion sort by offset. Each list comes nearly sorted (a string's escapes are
    /// reported before its missing quote, an unclosed `(` after the errors inside it), so this
    /// is linear in practice and needs no generic sort machinery.
    private static func sortedByOffset(_ problems: [PendingDiagnostic]) -> [PendingDiagnostic] {
        var problems = problems
        var i = 1
        while i < problems.count {
            var j = i
            i += 1
            while j > 0 && problems[j - 1].offset > problems[j].offset {
                problems.swapAt(j - 1, j)
                j -= 1
            }
        }
        return problems
    }

    /// Stable merge of two sorted lists, `first` winning ties.
    private static func merged(_ first: [PendingDiagnostic], _ second: [PendingDiagnostic]) -> [PendingDiagnostic] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        var result: [PendingDiagnostic] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i].offset <= second[j].offset) {
                result.append(first[i])
                i += 1
            } else {
                result.append(second[j])
                j += 1
            }
        }
        return result
    }
}
