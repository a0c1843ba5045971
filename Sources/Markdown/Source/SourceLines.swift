/// The original file split into lines, for turning byte columns into character columns.
struct SourceLines: Sendable {
    private let lines: [[UInt8]]

    init(_ source: String) {
        lines = source.utf8.split(separator: .newline, omittingEmptySubsequences: false).map(Array.init)
    }

    /// The character column of the occurrence of `needle` on `line` nearest to `column` (a
    /// column computed from cmark's text nodes, which drift when a node merged smart quotes,
    /// escapes or entities); nil when the line does not hold it.
    func column(of needle: String, line: Int, near column: Int) -> Int? {
        guard lines.indices.contains(line - 1), !needle.isEmpty else { return nil }
        let bytes = lines[line - 1], pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var best: Int?
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] && Array(bytes[start..<(start + pattern.count)]) == pattern {
            let candidate = characterColumn(line: line, byteColumn: start + 1)
            if best.map({ abs(candidate - column) < abs($0 - column) }) ?? true { best = candidate }
        }
        return best
    }

    /// The 1-based character column of a 1-based UTF-8 byte column on a 1-based line.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard lines.indices.contains(line - 1), byteColumn > 1 else { return max(1, byteColumn) }
        let bytes = lines[line - 1]
        let prefix = bytes[..<min(bytes.count, byteColumn - 1)]
        let beyondLine = max(0, byteColumn - 1 - bytes.count)
        return String(decoding: prefix, as: UTF8.self).count + beyondLine + 1
    }
}
