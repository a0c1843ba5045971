/// A Pandoc/Quarto fenced div: `::: {.callout-note}` on a line of its own, blocks, `:::`.
struct FencedDiv: Sendable, Equatable {
    var attributes: BlockAttributes
    /// 1-based lines of the opening and closing fences; `closeLine` is nil when the div is
    /// never closed (it then runs to the end of the lesson, and a problem says so).
    var openLine: Int
    var closeLine: Int?
}

/// Finds fenced divs outside code blocks and replaces their fence lines by `marker`, an HTML
/// comment: a block of its own that ends a list or a paragraph before it (a blank line would
/// not end a list), which the tree builder drops. So cmark parses what is between the fences
/// as ordinary blocks, and every other line keeps its number and columns.
///
/// Grammar (Pandoc's `fenced_divs`, at the left margin only): an opening fence is three or
/// more colons, attributes (`{…}` or one bare class name) and optionally more colons; a
/// closing fence is three or more colons alone. Divs nest. A closing fence with no open div
/// and a div never closed are reported.
enum FencedDivScanner {
    struct Result {
        var divs: [FencedDiv]
        var text: String
        var problems: [MarkdownProblem]
    }

    static let marker = "<!--notes-fenced-div-->"

    static func scan(_ text: String, verbatimLines: Set<Int>) -> Result {
        guard text.contains(":::") else { return Result(divs: [], text: text, problems: []) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var divs: [FencedDiv] = []
        var open: [Int] = []  // indices into divs
        var problems: [MarkdownProblem] = []
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            guard line.hasPrefix(":::"), !verbatimLines.contains(number) else { continue }
            let afterColons = line.drop { $0 == ":" }
            var body = afterColons.trimmingSpaces
            if body.isEmpty {
                if let last = open.popLast() {
                    divs[last].closeLine = number
                } else {
                    problems.append(MarkdownProblem(.strayDivFence, line: number, column: 1,
                                                    message: "this ':::' closes no open block; it is left out of the page"))
                }
                lines[offset] = Substring(marker)
                continue
            }
            while body.last == ":" { body.removeLast() }
            let column = line.count - afterColons.count + afterColons.prefix { $0 == " " || $0 == "\t" }.count + 1
            guard let attributes = BlockAttributes(parsing: body.trimmingSpaces) else {
                problems.append(MarkdownProblem(.malformedAttributes, line: number, column: column,
                                                message: "'\(body.trimmingSpaces)' is not a block's attributes; write {.class #id key=\"value\"}"))
                continue
            }
            open.append(divs.count)
            divs.append(FencedDiv(attributes: attributes, openLine: number, closeLine: nil))
            lines[offset] = Substring(marker)
        }
        for index in open {
            problems.append(MarkdownProblem(.unclosedDiv, line: divs[index].openLine, column: 1,
                                            message: "this ':::' block is never closed, so it runs to the end of the lesson"))
        }
        return Result(divs: divs, text: lines.joined(separator: "\n"), problems: problems)
    }
}
