/// The original file split into lines, for turning byte columns into character columns.
struct SourceLines: Sendable {
    private let lines: [[UInt8]]

    init(_ source: String) {
        lines = source.utf8.split(separator: .newline, omittingEmptySubsequences: false).map(Array.init)
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
