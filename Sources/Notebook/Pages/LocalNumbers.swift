import Foundation

/// Numbers as the page's language writes them: `245,3`, `−0,52` and `661 404` in a
/// Portuguese lesson, `245.3` and `661404` in an English one. Applied to numbers in prose
/// (inline values), to table cells that are a single number, to result notes and captions, and
/// to the text of figures (tick labels, legends); CSV downloads keep the plain machine form.
///
/// With a decimal comma, integer parts of five digits or more are grouped by threes with a
/// narrow no-break space (U+202F), as the SI and INMETRO recommend: never a dot, which would
/// read as a decimal point to half the readers.
struct LocalNumbers: Sendable {
    /// "," or ".".
    let decimalSeparator: String
    /// U+202F with a decimal comma; nil (no grouping) with a decimal point.
    let groupSeparator: String?

    init(decimalSeparator: String = ".") {
        self.decimalSeparator = decimalSeparator
        groupSeparator = decimalSeparator == "," ? "\u{202F}" : nil
    }

    /// Languages (BCP 47 primary subtags) that write a decimal comma.
    static let commaLanguages: Set<String> = [
        "pt", "es", "fr", "de", "it", "nl", "ru", "pl", "tr", "sv", "da", "nb", "nn", "no", "fi", "cs", "sk",
        "ro", "hu", "el", "uk", "ca", "gl", "eu", "hr", "sl", "sr", "bg", "lt", "lv", "et", "id", "vi",
    ]

    init(language: String) {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        self.init(decimalSeparator: Self.commaLanguages.contains(primary) ? "," : ".")
    }

    /// A number already formatted with a decimal point (and maybe `e` notation).
    func number(_ text: String) -> String {
        let signed = text.hasPrefix("-") ? "−" + text.dropFirst() : text
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

    /// A table cell: localized when the whole cell is one number (`-3.313`, `1.2e-05`, `9096`),
    /// unchanged otherwise (`1000 épocas`, `VAE`, `NaN`).
    func cell(_ text: String) -> String {
        Self.isNumber(text) ? number(text) : text
    }

    /// Running text from an experiment (a result note, a caption): every decimal point between
    /// two digits (`4.08 nats` → `4,08 nats`), and with a decimal comma every whole number of
    /// five digits or more grouped (`10000 de treino` → `10 000 de treino`); digits after a
    /// decimal point or touching a letter or `_` (`x12345`, `1_000`) are left alone.
    func text(_ text: String) -> String {
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

    /// An SVG document with its character data localized (tick labels, legends, `<title>`,
    /// `<desc>`): a text that is one number as a table cell is (`-2` → `−2`, with a true minus
    /// sign as in the tables beside it), other text as running text. Tags and attributes,
    /// coordinates included, are untouched.
    func svg(_ document: String) -> String {
        guard decimalSeparator != "." || document.contains(">-") else { return document }
        var out = ""
        out.reserveCapacity(document.utf8.count)
        var rest = Substring(document)
        while let open = rest.firstIndex(of: "<") {
            out += cellOrText(String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else { out += rest[open...]; return out }
            out += rest[open...close]
            rest = rest[rest.index(after: close)...]
        }
        out += text(String(rest))
        return out
    }

    private func cellOrText(_ data: String) -> String {
        Self.isNumber(data) ? number(data) : text(data)
    }

    static func isNumber(_ text: String) -> Bool {
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
