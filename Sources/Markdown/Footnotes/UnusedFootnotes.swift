/// Footnote definitions no reference points to. cmark drops them from the page without a
/// word, so they are found in the source: a definition is `[^label]:` at the start of a line
/// (after at most three spaces), a reference any other `[^label]` outside code.
enum UnusedFootnotes {
    static func problems(in text: String, verbatimLines: Set<Int>) -> [MarkdownProblem] {
        var definitions: [(label: String, line: Int, column: Int)] = []
        var referenced = Set<String>()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !verbatimLines.contains(offset + 1) && line.contains("[^") {
            let indent = line.prefix(while: { $0 == " " }).count
            var rest = line.dropFirst(indent)
            if indent <= 3, let label = label(at: rest), rest.dropFirst(label.count + 3).first == ":" {
                definitions.append((label.lowercased(), offset + 1, indent + 1))
                rest = rest.dropFirst(label.count + 4)
            }
            while let start = rest.range(of: "[^") {
                rest = rest[start.lowerBound...]
                if let label = label(at: rest) {
                    referenced.insert(label.lowercased())
                    rest = rest.dropFirst(label.count + 3)
                } else {
                    rest = rest.dropFirst(2)
                }
            }
        }
        return definitions.filter { !referenced.contains($0.label) }.map { definition in
            MarkdownProblem(.unusedFootnote, line: definition.line, column: definition.column,
                            message: "no [^\(definition.label)] refers to this footnote, so it is left out of the page")
        }
    }

    /// The label of `[^label]` at the start of `text`.
    private static func label(at text: Substring) -> Substring? {
        guard text.hasPrefix("[^") else { return nil }
        let label = text.dropFirst(2).prefix { $0 != "]" && $0 != " " && $0 != "\t" }
        guard !label.isEmpty, text.dropFirst(2 + label.count).first == "]" else { return nil }
        return label
    }
}
