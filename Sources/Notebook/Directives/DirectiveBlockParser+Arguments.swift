/// Argument lists, arguments and values, with recovery to the next `,` or closing delimiter.
///
/// `stops` are the closers of every list the parser is inside: a `)` or `]` in `stops` ends a
/// list (ours or an enclosing one, whose opener is then reported as unclosed); one that is not
/// in `stops` is stray and reported where it stands.
extension DirectiveBlockParser {
    /// How an argument list ended.
    enum ListEnd {
        /// Its `)` was found.
        case closed([DirectiveArgument], DirectiveToken)
        /// A hard stop (`@` or the end of the block) came first; nothing reported yet.
        case unclosed
        /// An enclosing list's closer came first; the unclosed `(` was already reported.
        case abandoned
    }

    /// `[argument (',' argument)*] ')'`, the `(` already consumed. `owner` names the list in
    /// messages (`@Train`, `.gmvae`); `enclosing` holds the closers of the lists around it.
    func parseArguments(of owner: String, opener: DirectiveToken, enclosing: DirectiveClosers) -> ListEnd {
        var arguments: [DirectiveArgument] = []
        if current.kind == .rightParenthesis {
            let close = current
            advance()
            return .closed(arguments, close)
        }
        let stops = enclosing.union(.parenthesis)
        while true {
            if current.isHardStop { return .unclosed }
            if let argument = parseArgument(stops: stops) {
                arguments.append(argument)
            } else {
                skipValue(stops: stops)
            }
            // Separator: ',' or ')'; anything else is reported and skipped.
            separator: while true {
                let token = current
                switch token.kind {
                case .rightParenthesis:
                    advance()
                    return .closed(arguments, token)
                case .comma:
                    advance()
                    if current.kind == .rightParenthesis {
                        report("expected-label", "expected an argument after ','", at: current,
                               suggestion: "remove the trailing ','")
                        let close = current
                        advance()
                        return .closed(arguments, close)
                    }
                    break separator
                case .at, .endOfBlock:
                    return .unclosed
                case .rightBracket:
                    if enclosing.contains(.bracket) {
                        reportUnclosed(opener, owner: owner)
                        return .abandoned
                    }
                    reportStray(token)
                    advance()
                default:
                    report("expected-comma", "expected ',' or ')' between arguments, found \(spelling(of: token))",
                           at: token, suggestion: "separate arguments with ','")
                    if token.kind == .identifier, next.kind == .colon { break separator }
                    skipValue(stops: stops)
                }
            }
        }
    }

    /// `label ':' value`; nil when it is malformed (reported, except at a hard stop or a closer,
    /// which the list reports).
    func parseArgument(stops: DirectiveClosers) -> DirectiveArgument? {
        let labelToken = current
        guard labelToken.kind == .identifier else {
            if labelToken.isHardStop || labelToken.closes(stops) { return nil }
            if labelToken.kind == .rightBracket {
                reportStray(labelToken)
                advance()
                return nil
            }
            report("expected-label", "expected an argument label, found \(spelling(of: labelToken))", at: labelToken,
                   suggestion: "arguments are written 'label: value'")
            return nil
        }
        let label = text(of: labelToken)
        advance()
        guard current.kind == .colon else {
            if current.isHardStop { return nil }
            report("expected-colon", "expected ':' after '\(label)', found \(spelling(of: current))", at: current,
                   suggestion: "write '\(label): value'")
            return nil
        }
        advance()
        guard let value = parseValue(stops: stops) else { return nil }
        return DirectiveArgument(label: label, labelLocation: locator.location(of: labelToken), value: value)
    }

    // MARK: - Values

    /// `int | float | string | bool | array | member`; nil when malformed (reported, except at a hard stop).
    func parseValue(stops: DirectiveClosers) -> DirectiveValue? {
        let token = current
        switch token.kind {
        case .int(let value):
            advance()
            return DirectiveValue(.int(value), at: locator.location(of: token))
        case .float(let value):
            advance()
            return DirectiveValue(.float(value), at: locator.location(of: token))
        case .string(let index):
            advance()
            return DirectiveValue(.string(strings[index]), at: locator.location(of: token))
        case .invalidLiteral:
            // Already reported by the lexer.
            callHasError = true
            advance()
            return nil
        case .leftBracket, .dot:
            guard nesting < Self.maximumNesting else {
                // The caller's `skipValue` skips the whole value iteratively.
                report("nesting-too-deep", "values nest more than \(Self.maximumNesting) levels deep", at: token)
                return nil
            }
            nesting += 1
            defer { nesting -= 1 }
            return token.kind == .leftBracket ? parseArray(stops: stops) : parseMember(stops: stops)
        case .at, .endOfBlock:
            return nil
        case .rightBracket where !stops.contains(.bracket):
            reportStray(token)
            advance()
            return nil
        case .identifier:
            let isTrue = self.token(token, spells: "true")
            if isTrue || self.token(token, spells: "false") {
                advance()
                return DirectiveValue(.bool(isTrue), at: locator.location(of: token))
            }
            let name = text(of: token)
            report("expected-value", "expected a value, found '\(name)'", at: token,
                   suggestion: "write '.\(name)' for a member, or \"\(name)\" for a string")
            return nil
        default:
            report("expected-value", "expected a value, found \(spelling(of: token))", at: token)
            return nil
        }
    }

    /// `'[' [value (',' value)*] [','] ']'`.
    func parseArray(stops: DirectiveClosers) -> DirectiveValue? {
        let open = current
        advance()
        let inner = stops.union(.bracket)
        var items: [DirectiveValue] = []
        var valid = true
        while true {
            if current.kind == .rightBracket {
                advance()
                return valid ? DirectiveValue(.array(items), at: locator.location(of: open)) : nil
            }
            if current.isHardStop {
                reportUnclosedArray(open)
                return nil
            }
            if let item = parseValue(stops: inner) {
                items.append(item)
            } else {
                valid = false
                skipValue(stops: inner)
            }
            separator: while true {
                let token = current
                switch token.kind {
                case .rightBracket:
                    advance()
                    return valid ? DirectiveValue(.array(items), at: locator.location(of: open)) : nil
                case .comma:
                    advance()
                    break separator
                case .at, .endOfBlock, .rightParenthesis:
                    reportUnclosedArray(open)
                    return nil
                default:
                    report("expected-comma", "expected ',' or ']' between elements, found \(spelling(of: token))",
                           at: token, suggestion: "separate elements with ','")
                    valid = false
                    skipValue(stops: inner)
                }
            }
        }
    }

    /// `'.' name ['(' [argument (',' argument)*] ')']`.
    func parseMember(stops: DirectiveClosers) -> DirectiveValue? {
        let dot = current
        advance()
        guard current.kind == .identifier, current.start == dot.end else {
            report("expected-name", "expected a member name after '.'", offset: dot.end, line: dot.line,
                   suggestion: "write the name right after '.', e.g. .vae")
            return nil
        }
        let nameToken = current
        let name = text(of: nameToken)
        advance()
        guard current.kind == .leftParenthesis, current.line == nameToken.line else {
            return DirectiveValue(.member(name: name, arguments: nil), at: locator.location(of: dot))
        }
        let open = current
        advance()
        switch parseArguments(of: "." + name, opener: open, enclosing: stops) {
        case .closed(let arguments, _):
            return DirectiveValue(.member(name: name, arguments: arguments), at: locator.location(of: dot))
        case .unclosed:
            reportUnclosed(open, owner: "." + name)
            return nil
        case .abandoned:
            return nil
        }
    }

    // MARK: - Recovery

    /// Skips to the next `,` or closer in `stops` outside nested delimiters, or to a hard stop.
    func skipValue(stops: DirectiveClosers) {
        var depth = 0
        while !current.isHardStop {
            let token = current
            if depth == 0 && (token.kind == .comma || token.closes(stops)) { return }
            switch token.kind {
            case .leftParenthesis, .leftBracket: depth += 1
            case .rightParenthesis, .rightBracket: depth = max(0, depth - 1)
            case .invalidLiteral: callHasError = true
            default: break
            }
            advance()
        }
    }

    /// Reports an array's `[` left open at a hard stop or an enclosing `)`,
    /// unless an unterminated string just swallowed the `]`.
    func reportUnclosedArray(_ opener: DirectiveToken) {
        callHasError = true
        if index > 0, case .invalidLiteral(unterminated: true) = tokens[index - 1].kind { return }
        report("unbalanced-brackets", "missing ']' to close this array", at: opener,
               suggestion: "add ']' after the last element")
    }

    func reportStray(_ token: DirectiveToken) {
        if token.kind == .rightBracket {
            report("unbalanced-brackets", "unexpected ']' without a matching '['", at: token, suggestion: "remove it")
        } else {
            report("unbalanced-parentheses", "unexpected ')' without a matching '('", at: token, suggestion: "remove it")
        }
    }
}
