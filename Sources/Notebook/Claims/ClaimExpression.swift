import Foundation

/// A claim written in prose as `` `?EXPR` ``, parsed.
///
/// ```
/// claim      := comparison ('and' comparison)*
/// comparison := sum ('<' | '<=' | '>' | '>=') sum
///             | sum '~=' sum ('±' | '+-') sum          -- |a − b| ≤ tolerance
/// sum        := product (('+' | '-') product)*
/// product    := unary (('*' | '/') unary)*
/// unary      := '-' unary | primary
/// primary    := number | reference | 'abs' '(' sum ')' | '(' sum ')'
/// reference  := id '.' name                             -- as in `=id.name`
/// ```
///
/// An id may contain `-` (`kl-padrao.analytic`); after its first `.`, a reference's name is
/// letters, digits, `_` and `.` (`priors.mixture10.test.nelbo`), and `-` between a letter or
/// digit and a letter (`ev.vae-pinwheel.iwae100`). So write a minus between two references
/// with spaces: `a.x - b.y`; `a.x-b.y` is the one name `x-b.y` (and an unknown reference).
indirect enum ClaimTerm: Equatable, Sendable {
    case number(Double)
    case reference(id: String, name: String, offset: Int)
    case negate(ClaimTerm)
    case abs(ClaimTerm)
    case binary(Character, ClaimTerm, ClaimTerm)
}

extension ClaimTerm {
    /// The references in the term, left to right.
    var references: [(id: String, name: String, offset: Int)] {
        switch self {
        case .number: []
        case let .reference(id, name, offset): [(id, name, offset)]
        case .negate(let term), .abs(let term): term.references
        case let .binary(_, left, right): left.references + right.references
        }
    }
}

struct ClaimComparison: Equatable, Sendable {
    enum Operator: String, Sendable { case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", near = "~=" }
    var left: ClaimTerm
    var op: Operator
    var right: ClaimTerm
    /// For `~=`: the largest allowed |left − right|.
    var tolerance: ClaimTerm?
    /// The comparison's source text, for messages.
    var text: String

    /// The references on both sides and in the tolerance, left to right.
    var references: [(id: String, name: String, offset: Int)] {
        left.references + right.references + (tolerance?.references ?? [])
    }
}

struct ClaimParseError: Error, Equatable {
    /// Offset in characters from the start of the expression.
    var offset: Int
    var message: String
}

/// Recursive-descent parser over the expression's characters.
struct ClaimParser {
    private let chars: [Character]
    private var i = 0

    init(_ text: String) { chars = Array(text) }

    static func parse(_ text: String) throws(ClaimParseError) -> [ClaimComparison] {
        var parser = ClaimParser(text)
        var comparisons = [try parser.comparison()]
        while parser.keyword("and") { comparisons.append(try parser.comparison()) }
        parser.skipSpaces()
        guard parser.i == parser.chars.count else {
            throw ClaimParseError(offset: parser.i, message: "unexpected '\(parser.chars[parser.i])'")
        }
        guard !comparisons.isEmpty else { throw ClaimParseError(offset: 0, message: "empty claim") }
        return comparisons
    }

    private mutating func skipSpaces() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

    private mutating func keyword(_ word: String) -> Bool {
        skipSpaces()
        let w = Array(word)
        guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
        if i + w.count < chars.count, chars[i + w.count].isLetter || chars[i + w.count].isNumber { return false }
        i += w.count
        return true
    }

    private mutating func symbol(_ s: String) -> Bool {
        skipSpaces()
        let w = Array(s)
        guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
        i += w.count
        return true
    }

    private mutating func comparison() throws(ClaimParseError) -> ClaimComparison {
        skipSpaces()
        let start = i
        let left = try sum()
        let op: ClaimComparison.Operator
        if symbol("<=") { op = .lessOrEqual } else if symbol(">=") { op = .greaterOrEqual }
        else if symbol("~=") { op = .near } else if symbol("<") { op = .less } else if symbol(">") { op = .greater }
        else {
            skipSpaces()
            throw ClaimParseError(offset: i, message: "expected a comparison ('<', '<=', '>', '>=' or '~=')")
        }
        let right = try sum()
        var tolerance: ClaimTerm?
        if op == .near {
            guard symbol("±") || symbol("+-") else {
                skipSpaces()
                throw ClaimParseError(offset: i, message: "'~=' needs a tolerance: write 'a ~= b ± 0.5'")
            }
            tolerance = try sum()
        }
        let text = String(chars[start..<i]).trimmingCharacters(in: .whitespaces)
        return ClaimComparison(left: left, op: op, right: right, tolerance: tolerance, text: text)
    }

    private mutating func sum() throws(ClaimParseError) -> ClaimTerm {
        var term = try product()
        while true {
            skipSpaces()
            // '+-' introduces a tolerance, not an addition.
            if i + 1 < chars.count, chars[i] == "+", chars[i + 1] == "-" { return term }
            if symbol("+") { term = .binary("+", term, try product()) }
            else if symbol("-") { term = .binary("-", term, try product()) }
            else { return term }
        }
    }

    private mutating func product() throws(ClaimParseError) -> ClaimTerm {
        var term = try unary()
        while true {
            if symbol("*") { term = .binary("*", term, try unary()) }
            else if symbol("/") { term = .binary("/", term, try unary()) }
            else { return term }
        }
    }

    private mutating func unary() throws(ClaimParseError) -> ClaimTerm {
        if symbol("-") || symbol("−") { return .negate(try unary()) }
        return try primary()
    }

    private mutating func primary() throws(ClaimParseError) -> ClaimTerm {
        skipSpaces()
        guard i < chars.count else { throw ClaimParseError(offset: i, message: "expected a number or a reference") }
        if symbol("(") {
            let inner = try sum()
            guard symbol(")") else { skipSpaces(); throw ClaimParseError(offset: i, message: "expected ')'") }
            return inner
        }
        let start = i
        if chars[i].isNumber, let number = numberLiteral() { return .number(number) }
        i = start
        // A reference: id (letters, digits, '_', '-'), '.', name (letters, digits, '_', '.').
        while i < chars.count, isIDCharacter(chars[i]) { i += 1 }
        let id = String(chars[start..<i])
        if id == "abs", symbol("(") {
            let inner = try sum()
            guard symbol(")") else { skipSpaces(); throw ClaimParseError(offset: i, message: "expected ')' to close abs(") }
            return .abs(inner)
        }
        guard !id.isEmpty else { throw ClaimParseError(offset: start, message: "expected a number or a reference such as 'vae.test.nelbo'") }
        guard i < chars.count, chars[i] == "." else {
            throw ClaimParseError(offset: start, message: "'\(id)' is not a reference: write id.name, e.g. '\(id).test.nelbo'")
        }
        i += 1
        let nameStart = i
        while i < chars.count {
            let c = chars[i]
            if c.isLetter || c.isNumber || c == "_" || c == "." { i += 1; continue }
            // A '-' joining two words of a name (`ev.vae-pinwheel.iwae100`, as @Evaluate names
            // scalars after model ids) belongs to it; a minus between references takes spaces.
            if c == "-", i > nameStart, chars[i - 1].isLetter || chars[i - 1].isNumber,
               i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isLetter { i += 1; continue }
            break
        }
        while i > nameStart, chars[i - 1] == "." { i -= 1 }
        guard i > nameStart else { throw ClaimParseError(offset: nameStart, message: "expected a name after '\(id).'") }
        return .reference(id: id, name: String(chars[nameStart..<i]), offset: start)
    }

    private func isIDCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-") }

    /// `12`, `1_000`, `0.5`, `1e-3`; nil (the caller then reads a reference) when the digits
    /// run into a letter, as in `2d-vae.test.nelbo`.
    private mutating func numberLiteral() -> Double? {
        var text = ""
        while i < chars.count, chars[i].isNumber || chars[i] == "_" { if chars[i] != "_" { text.append(chars[i]) }; i += 1 }
        if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isNumber {
            text.append("."); i += 1
            while i < chars.count, chars[i].isNumber { text.append(chars[i]); i += 1 }
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            var exponent = "e"
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { exponent.append(chars[j]); j += 1 }
            if j < chars.count, chars[j].isNumber {
                while j < chars.count, chars[j].isNumber { exponent.append(chars[j]); j += 1 }
                text += exponent
                i = j
            }
        }
        // Digits running into letters or `_` start an id (`2d-vae.x`); a `-` after digits is a minus.
        if i < chars.count, (chars[i].isASCII && (chars[i].isLetter || chars[i] == "_"))
            || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isLetter) { return nil }
        return Double(text)
    }
}
