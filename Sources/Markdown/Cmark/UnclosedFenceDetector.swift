/// Tells a fenced code block that cmark closed at a closing fence from one that ran to the
/// end of the document because its closing fence is missing.
///
/// cmark lets an unclosed fence swallow everything after it. A block's content lines sit
/// right after its opening fence; the line after them is the closing fence, or something
/// that ended the block's container (a quote or list item), or nothing but blank lines to
/// the end of the document: then the fence was never closed.
struct UnclosedFenceDetector {
    private let lines: [ArraySlice<UInt8>]

    /// - Parameter text: exactly the text cmark was fed.
    init(text: String) {
        lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// nil when the block is closed, or was ended by its container; otherwise the fence
    /// that would close it, e.g. "```".
    ///
    /// - Parameters: the 1-based line of the opening fence, the number of content lines
    ///   cmark gave the block, and the opening fence.
    func missingClosingFence(fenceLine: Int, contentLines: Int, character: UInt8, length: Int) -> String? {
        guard length > 0 else { return nil }
        let next = fenceLine + contentLines + 1
        if isClosingFence(line: next, character: character, length: length) { return nil }
        if next - 1 < lines.count, lines[(next - 1)...].contains(where: { !isBlank($0) }) { return nil }
        return String(repeating: Character(Unicode.Scalar(character)), count: length)
    }

    /// A line that is, after container markers and indentation, at least `length` fence
    /// characters followed by nothing but spaces.
    private func isClosingFence(line: Int, character: UInt8, length: Int) -> Bool {
        guard lines.indices.contains(line - 1) else { return false }
        var rest = lines[line - 1].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        let run = rest.prefix { $0 == character }.count
        rest = rest.dropFirst(run)
        return run >= length && isBlank(rest)
    }

    private func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
