/// How a page writes numbers: `245,3`, `−0,52` and `661 404` in Portuguese, `245.3`,
/// `−0.52` and `661404` in English. Charts write every text they draw through it (tick labels,
/// legends, titles), so a figure reads like the page around it; `plain` keeps the machine
/// form (`-0.52`), for files read by programs and for snapshot tests.
///
/// With a decimal comma, integer parts of five digits or more are grouped by threes with a
/// narrow no-break space (U+202F), as the SI and INMETRO recommend: never a dot, which would
/// read as a decimal point to half the readers.
public struct NumberStyle: Hashable, Sendable {
    /// "," or ".".
    public let decimalSeparator: String
    /// U+202F with a decimal comma; nil (no grouping) with a decimal point.
    public let groupSeparator: String?
    /// Whether a text that is one number gets a true minus sign (U+2212).
    public let typographicMinus: Bool

    public init(decimalSeparator: String, typographicMinus: Bool = true) {
        self.decimalSeparator = decimalSeparator
        groupSeparator = decimalSeparator == "," ? "\u{202F}" : nil
        self.typographicMinus = typographicMinus
    }

    /// The machine form: a dot, ASCII minus, no grouping.
    public static let plain = NumberStyle(decimalSeparator: ".", typographicMinus: false)

    /// Languages (BCP 47 primary subtags) that write a decimal comma.
    static let commaLanguages: Set<String> = [
        "pt", "es", "fr", "de", "it", "nl", "ru", "pl", "tr", "sv", "da", "nb", "nn", "no", "fi", "cs", "sk",
        "ro", "hu", "el", "uk", "ca", "gl", "eu", "hr", "sl", "sr", "bg", "lt", "lv", "et", "id", "vi",
    ]

    /// The style of a page in `language` (a BCP 47 tag).
    public init(language: String) {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        self.init(decimalSeparator: Self.commaLanguages.contains(primary) ? "," : ".")
    }

    /// A drawn text: one number as `number(_:)` does it, anything else as `text(_:)`.
    public func label(_ text: String) -> String {
        Self.isNumber(text) ? number(text) : self.text(text)
    }

    /// A number already formatted with a decimal point (and maybe `e` notation).
    public func number(_ text: String) -> String {
        let signed = typographicMinus && text.hasPrefix("-") ? "−" + text.dropFirst() : text
        let local = decimalSeparator == "." ? signed : signed.replacingOccurrences(of: ".", with: decimalSeparator)
        guard let groupSeparator else { return local }
        // Group the leading run of digits: the integer part of the mantissa.
        let characters = Array(local)
        let start = characters.firstIndex(where: \.isASCIIDigit) ?? characters.endIndex
        let end = characters[start...].firstIndex(where: { !$0.isASCIIDigit }) ?? characters.endIndex
        return String(characters[..<start]) + Self.grouped(characters[start..<end], by: groupSeparator)
            + String(characters[end...])
    }

    /// `12345678` → `12 345 678` (runs under five digits unchanged: `2024`, `9096`).
    static func grouped(_ digits: ArraySlice<Character>, by separator: String) -> String {
        guard digits.count >= 5 else { return String(digits) }
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    /// Running text: every decimal point between two digits (`4.08 nats` → `4,08 nats`), and
    /// with a decimal comma every whole number of five digits or more grouped (`10000 de
    /// treino` → `10 000 de treino`); digits after a decimal point or touching a letter or `_`
    /// (`x12345`, `1_000`) are left alone. Unchanged with a decimal point.
    public func text(_ text: String) -> String {
        guard decimalSeparator != "." else { return text }
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == ".", i > 0, i + 1 < characters.count, characters[i - 1].isASCIIDigit, characters[i + 1].isASCIIDigit {
                out += decimalSeparator
                // The fraction's digits are copied as they are.
                var j = i + 1
                while j < characters.count, characters[j].isASCIIDigit { out.append(characters[j]); j += 1 }
                i = j
                continue
            }
            if c.isASCIIDigit, let groupSeparator {
                var j = i
                while j < characters.count, characters[j].isASCIIDigit { j += 1 }
                let before = i > 0 ? characters[i - 1] : " "
                let after = j < characters.count ? characters[j] : " "
                let standalone = !(before.isLetter || before == "_" || before == "." || before == ",")
                    && !(after.isLetter || after == "_")
                out += standalone ? Self.grouped(characters[i..<j], by: groupSeparator) : String(characters[i..<j])
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// `-3.313`, `1.2e-05`, `9096`: an optional sign, digits with at most one decimal point,
    /// an optional exponent.
    public static func isNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" || s.first == "−" || s.first == "+" { s = s.dropFirst() }
        let mantissaEnd = s.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? s.endIndex
        let mantissa = s[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        guard mantissaEnd != s.endIndex else { return true }
        var exponent = s[s.index(after: mantissaEnd)...]
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
