/// Maps byte offsets in a directive block to 1-based line:column in the lesson file.
///
/// Columns count `Character`s (extended grapheme clusters) from the start of the content line,
/// as editors do: in `caption: "Mesmo orçamento", seed: 1` the `seed` label is one column
/// further right per character, however many bytes or scalars `ç` takes. Lines that are pure
/// ASCII (almost all of them) map offsets to columns by subtraction; other lines get a byte →
/// column table, built once when a location on them is first needed.
struct DirectiveLineTable {
    /// Byte offset where each line of the block starts.
    private(set) var lineStarts: [Int] = [0]
    private var lineIsASCII: [Bool] = [true]

    mutating func startLine(at offset: Int) {
        lineStarts.append(offset)
        lineIsASCII.append(true)
    }

    /// Records that the current (last) line contains a non-ASCII byte.
    mutating func markNonASCII() {
        lineIsASCII[lineIsASCII.count - 1] = false
    }

    var lineCount: Int { lineStarts.count }

    func isASCII(line: Int) -> Bool { lineIsASCII[line] }

    /// For a non-ASCII line: the 0-based column of every byte offset from the line's start
    /// through its end (inclusive). Bytes inside one `Character` share its column.
    func columnTable(line: Int, in bytes: [UInt8]) -> [Int] {
        let start = lineStarts[line]
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        var table: [Int] = []
        table.reserveCapacity(end - start + 1)
        var column = 0
        for character in String(decoding: bytes[start..<end], as: UTF8.self) {
            for _ in 0..<character.utf8.count { table.append(column) }
            column += 1
        }
        table.append(column)
        return table
    }
}

/// Turns byte offsets of one block into lesson-file locations, caching column tables of
/// non-ASCII lines.
final class DirectiveLocator {
    let bytes: [UInt8]
    let lines: DirectiveLineTable
    let startLine: Int
    let startColumn: Int
    /// Column tables of non-ASCII lines, built on first use (empty: not built yet).
    @exclusivity(unchecked) private var columnTables: [[Int]]

    init(bytes: [UInt8], lines: DirectiveLineTable, startLine: Int, startColumn: Int) {
        self.bytes = bytes
        self.lines = lines
        self.startLine = startLine
        self.startColumn = startColumn
        self.columnTables = Array(repeating: [], count: lines.lineCount)
    }

    /// The location of `offset`, which lies on the block's 0-based `line`.
    func location(offset: Int, line: Int) -> SourceLocation {
        let line = max(0, min(line, lines.lineCount - 1))
        let lineStart = lines.lineStarts[line]
        let relative = max(0, offset - lineStart)
        guard !lines.isASCII(line: line) else {
            return SourceLocation(line: startLine + line, column: startColumn + relative)
        }
        if columnTables[line].isEmpty {
            columnTables[line] = lines.columnTable(line: line, in: bytes)
        }
        let table = columnTables[line]
        return SourceLocation(line: startLine + line, column: startColumn + table[min(relative, table.count - 1)])
    }

    func location(of token: DirectiveToken) -> SourceLocation {
        location(offset: token.start, line: token.line)
    }
}
