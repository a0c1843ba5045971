import Foundation

/// Line layout of JSON text that never touches a token: `indented` only adds whitespace
/// between tokens and `compacted` only removes it, so `compacted(indented(x)) == x` for the
/// compact JSON `JSONEncoder` writes. A number keeps the exact digits it was written with,
/// which is what lets a frozen measurement be compared byte for byte with a fresh one.
enum JSONLayout {
    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let openObject = UInt8(ascii: "{"), closeObject = UInt8(ascii: "}")
    private static let openArray = UInt8(ascii: "["), closeArray = UInt8(ascii: "]")
    private static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")

    /// `json` without whitespace outside strings.
    static func compacted(_ json: Data) -> Data {
        var out = Data(capacity: json.count)
        var inString = false, escaped = false
        for byte in json {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == backslash { escaped = true } else if byte == quote { inString = false }
            } else if byte == quote {
                inString = true
                out.append(byte)
            } else if !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) {
                out.append(byte)
            }
        }
        return out
    }

    /// Compact JSON laid out for line-by-line diffs: every object member on its own line, two
    /// spaces per level; an array of numbers or strings stays on one line (a curve of a
    /// thousand points is one line, not a thousand), an array of objects or arrays gets one
    /// line per element. Nil when `compact` is not one well-formed value.
    static func indented(_ compact: Data) -> Data? {
        let bytes = [UInt8](compact)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        guard let end = layout(bytes, at: 0, depth: 0, into: &out), end == bytes.count else { return nil }
        out.append(0x0A)
        return Data(out)
    }

    /// The members of a compact JSON object, each value as its own compact JSON text; nil
    /// when `compact` is not an object.
    static func members(ofObject compact: Data) -> [String: Data]? {
        let bytes = [UInt8](compact)
        guard bytes.first == openObject, bytes.last == closeObject else { return nil }
        var members: [String: Data] = [:]
        var i = 1
        if bytes.count == 2 { return [:] }
        while i < bytes.count {
            guard bytes[i] == quote, let keyEnd = valueEnd(bytes, at: i), keyEnd < bytes.count, bytes[keyEnd] == colon,
                  let name = try? JSONDecoder().decode(String.self, from: Data(bytes[i..<keyEnd])),
                  let end = valueEnd(bytes, at: keyEnd + 1), end < bytes.count else { return nil }
            members[name] = Data(bytes[(keyEnd + 1)..<end])
            if bytes[end] == closeObject { return end == bytes.count - 1 ? members : nil }
            guard bytes[end] == comma else { return nil }
            i = end + 1
        }
        return nil
    }

    /// Where the value starting at `i` ends (the index after it); nil if malformed.
    private static func valueEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        var i = start
        switch bytes[i] {
        case quote:
            i += 1
            while i < bytes.count {
                if bytes[i] == backslash { i += 2; continue }
                if bytes[i] == quote { return i + 1 }
                i += 1
            }
            return nil
        case openObject, openArray:
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case quote:
                    guard let end = valueEnd(bytes, at: i) else { return nil }
                    i = end
                    continue
                case openObject, openArray: depth += 1
                case closeObject, closeArray:
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return nil
        default:
            while i < bytes.count, ![comma, closeObject, closeArray, colon].contains(bytes[i]) { i += 1 }
            return i > start ? i : nil
        }
    }

    private static func newline(_ out: inout [UInt8], depth: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    /// Writes the value at `i` laid out at `depth`; returns the index after it.
    private static func layout(_ bytes: [UInt8], at start: Int, depth: Int, into out: inout [UInt8]) -> Int? {
        guard start < bytes.count, let end = valueEnd(bytes, at: start) else { return nil }
        let first = bytes[start]
        if first == openObject {
            if end == start + 2 { out += [openObject, closeObject]; return end }
            out.append(openObject)
            var i = start + 1
            while true {
                newline(&out, depth: depth + 1)
                guard let keyEnd = valueEnd(bytes, at: i), keyEnd < end, bytes[i] == quote, bytes[keyEnd] == colon else { return nil }
                out += bytes[i..<keyEnd]
                out += [colon, 0x20]
                guard let next = layout(bytes, at: keyEnd + 1, depth: depth + 1, into: &out), next < end else { return nil }
                if bytes[next] == comma { out.append(comma); i = next + 1; continue }
                guard next == end - 1 else { return nil }
                newline(&out, depth: depth)
                out.append(closeObject)
                return end
            }
        }
        if first == openArray {
            if end == start + 2 { out += [openArray, closeArray]; return end }
            // Flat when no element is an object or an array.
            var nested = false
            var i = start + 1
            while i < end - 1 {
                guard let next = valueEnd(bytes, at: i) else { return nil }
                if bytes[i] == openObject || bytes[i] == openArray { nested = true; break }
                i = next + 1
            }
            if !nested { out += bytes[start..<end]; return end }
            out.append(openArray)
            i = start + 1
            while true {
                newline(&out, depth: depth + 1)
                guard let next = layout(bytes, at: i, depth: depth + 1, into: &out), next < end else { return nil }
                if bytes[next] == comma { out.append(comma); i = next + 1; continue }
                guard next == end - 1 else { return nil }
                newline(&out, depth: depth)
                out.append(closeArray)
                return end
            }
        }
        out += bytes[start..<end]
        return end
    }
}
