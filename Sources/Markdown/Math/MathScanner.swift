/// Finds TeX math spans in Markdown source, following pandoc's `tex_math_dollars`.
///
/// - `$$…$$` is display math; it may span lines.
/// - `$…$` is inline math: the opening `$` is followed by a non-space, the closing `$` is
///   preceded by a non-space and not followed by a digit (so "R$ 10,00" and "R$10 a R$20"
///   are text).
/// - `\$` is a literal dollar.
/// - Deviation from pandoc, for Portuguese prose: an opening `$` must not follow a letter or
///   digit, so the currency "R$10 e R$ 5" is text too.
/// - Never inside code spans, code blocks or raw HTML blocks, and never across a blank line.
struct MathScanner {
    /// A span of the source bytes, delimiters included.
    struct Match: Equatable {
        var range: Range<Int>
        var isDisplay: Bool
    }

    let bytes: [UInt8]
    /// 1-based lines where `$` is never math (code blocks, raw HTML blocks).
    let verbatimLines: Set<Int>

    func matches() -> [Match] { scanned().matches }

    /// The spans, and the offsets of `$` and `$$` that open math never closed in their
    /// paragraph (shown as text: most likely a typo, or a dollar sign that wants `\$`).
    func scanned() -> (matches: [Match], unmatched: [Int]) {
        var result: [Match] = []
        var unmatched: [Int] = []
        for region in regions() {
            scan(region, into: &result, unmatched: &unmatched)
        }
        return (result, unmatched)
    }

    /// Maximal runs of consecutive lines that are neither blank nor verbatim.
    private func regions() -> [Range<Int>] {
        var regions: [Range<Int>] = []
        var regionStart: Int?
        var lineStart = 0
        var line = 1
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: .newline) ?? bytes.count
            let isText = !verbatimLines.contains(line)
                && bytes[lineStart..<lineEnd].contains { !$0.isWhitespace }
            if isText, regionStart == nil { regionStart = lineStart }
            if !isText, let start = regionStart {
                regions.append(start..<max(start, lineStart - 1))
                regionStart = nil
            }
            lineStart = lineEnd + 1
            line += 1
        }
        if let start = regionStart { regions.append(start..<bytes.count) }
        return regions
    }

    private func scan(_ region: Range<Int>, into result: inout [Match], unmatched: inout [Int]) {
        var i = region.lowerBound
        let end = region.upperBound
        // Once a span finds no closing delimiter before the region's end, no later one will
        // (closing is decided by the closing `$` alone): not scanning again keeps a paragraph
        // of many `$` linear instead of quadratic.
        var noInlineCloser = false
        var noDisplayCloser = false
        // One warning per paragraph: after the first unclosed `$`, the rest follow from it.
        var warned = false
        func warn(_ offset: Int) {
            if !warned { unmatched.append(offset) }
            warned = true
        }
        while i < end {
            switch bytes[i] {
            case .backslash:
                i += (i + 1 < end && bytes[i + 1].isASCIIPunctuation) ? 2 : 1
            case .backtick:
                i = endOfCodeSpan(at: i, end: end)
            case .dollar where i + 1 < end && bytes[i + 1] == .dollar:
                switch noDisplayCloser ? .unclosed : closingDisplay(from: i + 2, end: end) {
                case .closed(let close):
                    result.append(Match(range: i..<close, isDisplay: true))
                    i = close
                case .empty:
                    i += 2
                case .unclosed:
                    noDisplayCloser = true
                    warn(i)
                    i += 2
                }
            case .dollar:
                let opens = i + 1 < end && !bytes[i + 1].isWhitespace
                    && !(i > region.lowerBound && bytes[i - 1].isASCIIAlphanumeric)
                if opens && !noInlineCloser {
                    if let close = closingInline(opening: i, regionStart: region.lowerBound, end: end) {
                        result.append(Match(range: i..<close, isDisplay: false))
                        i = close
                        continue
                    }
                    noInlineCloser = true
                }
                // "$5" with no closing `$` is money, not a typo.
                if opens && !bytes[i + 1].isASCIIDigit && noInlineCloser { warn(i) }
                i += 1
            default:
                i += 1
            }
        }
    }

    /// Skips a code span opened by the backtick run at `start`; a run without a matching
    /// closing run of the same length is literal text.
    private func endOfCodeSpan(at start: Int, end: Int) -> Int {
        let openEnd = runEnd(of: .backtick, from: start, end: end)
        let length = openEnd - start
        var j = openEnd
        while j < end {
            guard bytes[j] == .backtick else { j += 1; continue }
            let closeEnd = runEnd(of: .backtick, from: j, end: end)
            if closeEnd - j == length { return closeEnd }
            j = closeEnd
        }
        return openEnd
    }

    enum DisplayClosing: Equatable {
        /// The index after the closing `$$`.
        case closed(Int)
        /// `$$ $$`: nothing between, not math.
        case empty
        case unclosed
    }

    /// Where the display span opened before `contentStart` closes.
    private func closingDisplay(from contentStart: Int, end: Int) -> DisplayClosing {
        var j = contentStart
        while j + 1 < end {
            if bytes[j] == .backslash { j += 2; continue }
            if bytes[j] == .dollar && bytes[j + 1] == .dollar {
                let hasContent = bytes[contentStart..<j].contains { !$0.isWhitespace }
                return hasContent ? .closed(j + 2) : .empty
            }
            j += 1
        }
        return .unclosed
    }

    /// The index after the closing `$` of an inline span opened at `opening`, if any.
    private func closingInline(opening: Int, regionStart: Int, end: Int) -> Int? {
        guard opening + 1 < end, !bytes[opening + 1].isWhitespace else { return nil }
        if opening > regionStart && bytes[opening - 1].isASCIIAlphanumeric { return nil }
        var j = opening + 1
        while j < end {
            switch bytes[j] {
            case .backslash:
                j += 2
            case .dollar:
                let followedByDigit = j + 1 < end && bytes[j + 1].isASCIIDigit
                if !bytes[j - 1].isWhitespace && !followedByDigit { return j + 1 }
                j += 1
            default:
                j += 1
            }
        }
        return nil
    }

    private func runEnd(of byte: UInt8, from start: Int, end: Int) -> Int {
        var j = start
        while j < end && bytes[j] == byte { j += 1 }
        return j
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let backslash = UInt8(ascii: "\\")
    static let backtick = UInt8(ascii: "`")
    static let dollar = UInt8(ascii: "$")

    var isWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isASCIIAlphanumeric: Bool {
        isASCIIDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x7A)
    }
    var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self)
            || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
}
