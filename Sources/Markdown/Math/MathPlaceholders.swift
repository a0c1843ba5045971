import Foundation

/// Math spans swapped for alphanumeric placeholders before cmark sees the text.
///
/// cmark would read `_…_` in `$a_i b_i$` as emphasis, `\\` as an escaped backslash and `|` in
/// a table cell as a column separator. Each math span is therefore replaced, line by line,
/// by tokens like `Zmath3L0E` (span 3, line 0) that cmark passes through as plain text.
/// A span covering several lines becomes one token per line, each after the line's original
/// indentation, so line numbers never shift and the block structure around it is kept.
/// Afterwards, `segments(of:)` finds the tokens in cmark's text nodes again.
struct MathPlaceholders: Sendable {
    /// The text to feed cmark.
    private(set) var protectedText: String = ""
    private(set) var spans: [MathSpan] = []
    /// `lineSources[span][line]`: the source text each token stands for.
    private(set) var lineSources: [[String]] = []
    private var prefix = "Zmath"
    /// Per 1-based line, the replacements made on it, for mapping columns back.
    private var shifts: [Int: [Shift]] = [:]

    private struct Shift: Sendable {
        var protectedStart: Int  // 0-based byte column in the protected line
        var protectedLength: Int
        var originalLength: Int
    }

    /// A piece of a text node: plain text or one placeholder token.
    enum Segment: Equatable {
        case text(String)
        case token(span: Int, line: Int)
    }

    /// Where each span starts in the text: 1-based line and UTF-8 byte column.
    private(set) var starts: [(line: Int, byteColumn: Int)] = []
    /// Where a `$` or `$$` opens math that never closes (see `MathScanner.scanned`).
    private(set) var unmatched: [(line: Int, byteColumn: Int)] = []

    init(text: String, verbatimLines: Set<Int>) {
        let bytes = Array(text.utf8)
        while text.contains(prefix) { prefix += "x" }
        let (matches, unmatchedOffsets) = MathScanner(bytes: bytes, verbatimLines: verbatimLines).scanned()
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == .newline { lineStarts.append(offset + 1) }
        func position(_ offset: Int) -> (line: Int, byteColumn: Int) {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return (low + 1, offset - lineStarts[low] + 1)
        }
        starts = matches.map { position($0.range.lowerBound) }
        unmatched = unmatchedOffsets.map(position)
        guard !matches.isEmpty else {
            protectedText = text
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var line = 1
        var lineStart = 0  // in output
        var cursor = 0
        func copy(upTo end: Int) {
            for byte in bytes[cursor..<end] {
                output.append(byte)
                if byte == .newline { line += 1; lineStart = output.count }
            }
            cursor = end
        }
        for match in matches {
            copy(upTo: match.range.lowerBound)
            let spanIndex = spans.count
            var sources: [String] = []
            for piece in Self.linePieces(of: match.range, in: bytes) {
                copy(upTo: piece.lowerBound)
                let token = "\(prefix)\(spanIndex)L\(sources.count)E"
                shifts[line, default: []].append(Shift(protectedStart: output.count - lineStart,
                                                       protectedLength: token.utf8.count,
                                                       originalLength: piece.count))
                output.append(contentsOf: token.utf8)
                sources.append(String(decoding: bytes[piece], as: UTF8.self))
                cursor = piece.upperBound
            }
            let source = String(decoding: bytes[match.range], as: UTF8.self)
            spans.append(MathSpan(source: source.replacingCRLF(), isDisplay: match.isDisplay))
            lineSources.append(sources)
        }
        copy(upTo: bytes.count)
        protectedText = String(decoding: output, as: UTF8.self)
    }

    /// The parts of `range` to replace, one per line: the first from the opening delimiter,
    /// the others after the line's indentation; line breaks and "\r" stay outside.
    private static func linePieces(of range: Range<Int>, in bytes: [UInt8]) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let newline = bytes[start..<range.upperBound].firstIndex(of: .newline) ?? range.upperBound
            var end = newline
            if end < range.upperBound && end > start && bytes[end - 1] == 0x0D { end -= 1 }
            pieces.append(start..<end)
            start = newline + 1
            while start < range.upperBound && (bytes[start] == 0x20 || bytes[start] == 0x09) {
                start += 1
            }
        }
        return pieces
    }

    /// Splits a cmark text literal into plain text and placeholder tokens.
    func segments(of text: String) -> [Segment] {
        guard !spans.isEmpty, text.contains(prefix) else { return [.text(text)] }
        var result: [Segment] = []
        var rest = Substring(text)
        while let found = rest.range(of: prefix) {
            var scanner = rest[found.upperBound...]
            guard let span = scanner.takeNumber(), scanner.popFirst() == "L",
                  let line = scanner.takeNumber(), scanner.popFirst() == "E",
                  span < spans.count, line < lineSources[span].count
            else {
                result.append(.text(String(rest[..<found.upperBound])))
                rest = rest[found.upperBound...]
                continue
            }
            if found.lowerBound > rest.startIndex {
                result.append(.text(String(rest[..<found.lowerBound])))
            }
            result.append(.token(span: span, line: line))
            rest = scanner
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }

    /// `text` with every token put back to the source it stands for (for code, URLs, titles).
    func restoringSource(_ text: String) -> String {
        segments(of: text).map { segment in
            switch segment {
            case .text(let s): s
            case .token(let span, let line): lineSources[span][line]
            }
        }.joined()
    }

    /// Maps a 1-based byte column on a protected line back to the original line.
    func originalByteColumn(line: Int, protectedColumn: Int) -> Int {
        var column = protectedColumn
        for shift in shifts[line] ?? [] where shift.protectedStart + shift.protectedLength < protectedColumn {
            column += shift.originalLength - shift.protectedLength
        }
        return column
    }
}

private extension Substring {
    mutating func takeNumber() -> Int? {
        let digits = prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count < 9 else { return nil }
        removeFirst(digits.count)
        return Int(digits)
    }
}

private extension String {
    func replacingCRLF() -> String { contains("\r") ? replacingOccurrences(of: "\r\n", with: "\n") : self }
}
