/// Finds cross-references in prose: `@fig-label` and `@tab-label` (or Quarto's `@tbl-label`).
///
/// Grammar: `'@' ('fig' | 'tab' | 'tbl') '-' [A-Za-z0-9_-]*[A-Za-z0-9_]`, not preceded by a letter,
/// digit, `_` or `.` (so `ana@fig-x` is not a reference). A trailing `-` is not part of
/// the label, so "veja @fig-curvas." references `fig-curvas`. Code spans, code blocks, URLs
/// and math never reach the scanner: only cmark text nodes do.
enum CrossReferenceScanner {
    static let prefixes = ["fig-", "tab-", "tbl-"]

    /// Splits a text node's literal into text and `.crossReference` nodes. `position` is the
    /// text node's start; the literal is assumed to sit on one line from there.
    static func split(_ text: String, at position: RawPosition) -> [InlineNode] {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [.text(text)] }
        let bytes = Array(text.utf8)
        var nodes: [InlineNode] = []
        var textStart = 0
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "@"), let end = labelEnd(in: bytes, at: i) else {
                i += 1
                continue
            }
            if textStart < i { nodes.append(.text(String(decoding: bytes[textStart..<i], as: UTF8.self))) }
            let label = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
            nodes.append(.crossReference(label, RawPosition(line: position.line, column: position.column + i)))
            textStart = end
            i = end
        }
        if textStart < bytes.count { nodes.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        return nodes
    }

    /// The end (exclusive) of a reference whose `@` is at `at`, or nil when there is none.
    private static func labelEnd(in bytes: [UInt8], at: Int) -> Int? {
        if at > 0, isLabelByte(bytes[at - 1]) || bytes[at - 1] == UInt8(ascii: ".") { return nil }
        let start = at + 1
        guard prefixes.contains(where: { prefix in
            let p = Array(prefix.utf8)
            return start + p.count <= bytes.count && Array(bytes[start..<(start + p.count)]) == p
        }) else { return nil }
        var end = start + 4
        while end < bytes.count, isLabelByte(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
        while end > start + 4, bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        return end > start + 4 ? end : nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
}
