/// One lexical token of a directive block, produced by `DirectiveLexer`.
///
/// Positions are UTF-8 byte offsets into the block's content; `DirectiveLineTable` turns them
/// into lesson-file line:column only when a location is needed. A token holds no reference
/// (names are sliced from the bytes on demand, string values live in the lexer's table), so
/// copying one costs no reference counting — the parser stays fast even in debug builds.
struct DirectiveToken {
    enum Kind: Equatable {
        case at                     // @
        case identifier             // Train, epochs, true
        case leftParenthesis, rightParenthesis
        case leftBracket, rightBracket
        case comma, colon, dot
        case int(Int)
        case float(Double)
        /// Index of the decoded value in `DirectiveLexer.strings`.
        case string(Int)
        /// A literal the lexer already reported (malformed number, bad string): a value that
        /// makes its call invalid without further diagnostics. `unterminated` strings run to
        /// the end of their line and may have swallowed a closing parenthesis.
        case invalidLiteral(unterminated: Bool)
        /// Any other character (one Unicode scalar).
        case unknown
        case endOfBlock
    }

    var kind: Kind
    /// First byte of the token.
    var start: Int
    /// One past the last byte of the token.
    var end: Int
    /// 0-based line of `start` within the block.
    var line: Int

    /// Whether the token ends any argument list: the block's end or the start of another directive.
    var isHardStop: Bool {
        switch kind {
        case .at, .endOfBlock: true
        default: false
        }
    }

    /// Whether the token is `)` or `]` of a list in `closers`.
    func closes(_ closers: DirectiveClosers) -> Bool {
        switch kind {
        case .rightParenthesis: closers.contains(.parenthesis)
        case .rightBracket: closers.contains(.bracket)
        default: false
        }
    }
}

/// The closing delimiters that end the lists a token is nested in (a tiny bit set; not an
/// `OptionSet`, whose generic algebra is slow in debug builds).
struct DirectiveClosers {
    let rawValue: UInt8
    static let none = DirectiveClosers(rawValue: 0)
    static let parenthesis = DirectiveClosers(rawValue: 1)
    static let bracket = DirectiveClosers(rawValue: 2)

    func contains(_ other: DirectiveClosers) -> Bool { rawValue & other.rawValue != 0 }
    func union(_ other: DirectiveClosers) -> DirectiveClosers { DirectiveClosers(rawValue: rawValue | other.rawValue) }
}
