/// Separates a lesson's YAML front matter from its Markdown body.
///
/// Front matter is present when the first line is `---`; it ends at the next line that is
/// `---` or `...`. The body keeps every line of the file, with the front-matter lines
/// replaced by empty lines, so line numbers reported on the body are the file's.
struct FrontMatterSplitter {
    /// The YAML between the delimiters, or nil when the file has no front matter.
    var yaml: String?
    /// The file line on which the YAML text starts (2 when present).
    var yamlFirstLine: Int
    /// The file with the front matter blanked out.
    var body: String

    init(source: String) throws(FrontMatterError) {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, Self.isDelimiter(first, allowingDots: false) else {
            self.yaml = nil
            self.yamlFirstLine = 1
            self.body = source
            return
        }
        guard let closing = lines.indices.dropFirst().first(where: {
            Self.isDelimiter(lines[$0], allowingDots: true)
        }) else {
            throw FrontMatterError(line: 1, column: 1,
                                   message: "front matter opened with '---' is never closed")
        }
        yaml = lines[1..<closing].joined(separator: "\n")
        yamlFirstLine = 2
        for index in 0...closing { lines[index] = "" }
        body = lines.joined(separator: "\n")
    }

    private static func isDelimiter(_ line: Substring, allowingDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" {
            trimmed.removeLast()
        }
        return trimmed == "---" || (allowingDots && trimmed == "...")
    }
}
