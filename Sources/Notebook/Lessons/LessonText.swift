import Foundation
import Markdown

/// A lesson file's bytes made into the text every later stage sees: a leading byte-order
/// mark removed and every line ending (CRLF, lone CR) made LF, so that front matter is
/// recognised and every line and column is the one an editor shows.
enum LessonText {
    /// The normalized text, or where the first byte that is not UTF-8 sits.
    enum Decoded {
        case text(String)
        /// `location` is 1-based; the column counts characters of the line's valid prefix.
        case invalid(location: MarkdownLocation, byte: UInt8)
    }

    static func decode(_ data: Data) -> Decoded {
        let bytes = normalized(Array(data))
        if let bad = firstInvalidByte(in: bytes) {
            return .invalid(location: location(ofByte: bad, in: bytes), byte: bytes[bad])
        }
        return .text(String(decoding: bytes, as: UTF8.self))
    }

    static func normalized(_ source: String) -> String {
        let bytes = Array(source.utf8)
        let result = normalized(bytes)
        return result == bytes ? source : String(decoding: result, as: UTF8.self)
    }

    /// Drops a leading UTF-8 byte-order mark; CRLF and lone CR become LF.
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard start > 0 || bytes.contains(cr) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == cr {
                result.append(lf)
                if index + 1 < bytes.count, bytes[index + 1] == lf { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// Index of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let continuation: Int, second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (continuation, second) = (1, 0x80...0xBF)
            case 0xE0: (continuation, second) = (2, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (continuation, second) = (2, 0x80...0xBF)
            case 0xED: (continuation, second) = (2, 0x80...0x9F)
            case 0xF0: (continuation, second) = (3, 0x90...0xBF)
            case 0xF1...0xF3: (continuation, second) = (3, 0x80...0xBF)
            case 0xF4: (continuation, second) = (3, 0x80...0x8F)
            default: return index
            }
            guard index + continuation < bytes.count, second.contains(bytes[index + 1]),
                  bytes[(index + 2)..<(index + 1 + continuation)].allSatisfy({ (0x80...0xBF).contains($0) })
            else { return index }
            index += 1 + continuation
        }
        return nil
    }

    /// The line of byte `index` and its column in characters of the line's bytes before it.
    static func location(ofByte index: Int, in bytes: [UInt8]) -> MarkdownLocation {
        let lf = UInt8(ascii: "\n")
        let before = bytes[..<index]
        let lineStart = before.lastIndex(of: lf).map { $0 + 1 } ?? 0
        let line = before.reduce(1) { $1 == lf ? $0 + 1 : $0 }
        return MarkdownLocation(line: line, column: String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)
    }
}
