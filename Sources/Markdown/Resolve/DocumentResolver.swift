/// Turns cmark's raw tree into the document's final tree.
///
/// - fenced code blocks become `FencedBlock`s with locations in the original file;
/// - headings get unique slugs;
/// - math placeholders become `.math` inlines; placeholders that ended up in code, URLs or
///   titles are put back to their source;
/// - code-span and cross-reference positions are mapped to the original file;
/// - a heading's trailing `{#id .class}` is taken off its text, the id used as its slug;
/// - a callout div's title (`title="…"` or its first heading) is taken out of its blocks.
struct DocumentResolver {
    let placeholders: MathPlaceholders
    let sourceLines: SourceLines

    private(set) var fencedBlocks: [FencedBlock] = []
    private(set) var headings: [Heading] = []
    private(set) var problems: [MarkdownProblem] = []
    private var slugs = SlugRegistry()
    /// The math spans that became `.math` inlines (the others were put back as source text:
    /// inside a URL, a title, raw HTML or code, or broken by markup).
    let mathShown = SpanSet()

    init(placeholders: MathPlaceholders, sourceLines: SourceLines) {
        self.placeholders = placeholders
        self.sourceLines = sourceLines
    }

    mutating func resolve(_ blocks: [BlockNode]) -> [BlockNode] {
        blocks.map { resolve($0) }
    }

    private mutating func resolve(_ block: BlockNode) -> BlockNode {
        switch block {
        case .paragraph(let inlines):
            return .paragraph(resolve(inlines))
        case .heading(let level, _, let inlines, let position):
            var resolved = resolve(inlines)
            var explicitID: String?
            if case .text(let last)? = resolved.last, let (text, attributes) = BlockAttributes.trailing(in: last) {
                resolved[resolved.count - 1] = .text(text)
                if text.isEmpty { resolved.removeLast() }
                explicitID = attributes.identifier
            }
            let text = resolved.plainText
            var id = slugs.uniqueSlug(for: text)
            if let explicitID {
                if slugs.claim(explicitID) {
                    slugs.release(id)
                    id = explicitID
                } else {
                    problems.append(MarkdownProblem(.duplicateHeadingID, location: location(position),
                                                    message: "another heading of this lesson already has the id '\(explicitID)'; this one is '\(id)'"))
                }
            }
            headings.append(Heading(level: level, text: text, id: id, html: HTMLRenderer.inlineHTML(resolved)))
            return .heading(level: level, index: headings.count - 1, resolved, position)
        case .division(var division):
            if Callout.Kind(divisionClasses: division.attributes.classes) != nil {
                if let title = division.attributes.value("title") {
                    division.title = [.text(title)]
                } else if case .heading(_, _, let inlines, _)? = division.children.first {
                    division.title = resolve(inlines)
                    division.children.removeFirst()
                }
            }
            division.children = resolve(division.children)
            return .division(division)
        case .rawFencedCode(let info, let literal, let fence, let missingClosingFence):
            let fenceLocation = location(fence)
            fencedBlocks.append(FencedBlock(
                index: fencedBlocks.count,
                info: placeholders.restoringSource(info),
                content: placeholders.restoringSource(literal),
                fenceLocation: fenceLocation,
                contentLocation: MarkdownLocation(line: fenceLocation.line + 1,
                                                  column: fenceLocation.column),
                missingClosingFence: missingClosingFence))
            return .fencedCode(index: fencedBlocks.count - 1)
        case .fencedCode:
            return block
        case .indentedCode(let literal):
            return .indentedCode(placeholders.restoringSource(literal))
        case .htmlBlock(let literal):
            return .htmlBlock(placeholders.restoringSource(literal))
        case .blockQuote(let children):
            return .blockQuote(resolve(children))
        case .list(var list):
            list.items = list.items.map { resolve($0) }
            return .list(list)
        case .thematicBreak:
            return block
        case .table(var table):
            table.header = table.header.map { resolve($0) }
            table.rows = table.rows.map { row in row.map { resolve($0) } }
            return .table(table)
        }
    }

    private func resolve(_ inlines: [InlineNode]) -> [InlineNode] {
        let children = inlines.map { inline -> InlineNode in
            switch inline {
            case .text, .softBreak, .lineBreak, .math, .resolvedCode, .resolvedCrossReference, .footnoteReference,
                 .resolvedCitation:
                inline
            case .citation(let items, let written, let position):
                .resolvedCitation(items, written: written, location(position, of: written))
            case .crossReference(let label, let position):
                .resolvedCrossReference(label, location(position, of: "@" + label))
            case .code(let literal, let position):
                .resolvedCode(placeholders.restoringSource(literal), location(position))
            case .html(let literal):
                .html(placeholders.restoringSource(literal))
            case .emphasis(let c): .emphasis(resolve(c))
            case .strong(let c): .strong(resolve(c))
            case .strikethrough(let c): .strikethrough(resolve(c))
            case .link(let destination, let title, let c):
                .link(destination: placeholders.restoringSource(destination),
                      title: placeholders.restoringSource(title), resolve(c))
            case .rawLink(let destination, let title, let c, let position):
                .resolvedLink(destination: placeholders.restoringSource(destination),
                              title: placeholders.restoringSource(title), resolve(c), location(position))
            case .resolvedLink:
                inline
            case .rawImage(let source, let title, let c, let position):
                .image(source: placeholders.restoringSource(source),
                       title: placeholders.restoringSource(title), resolve(c), location(position))
            case .image:
                inline
            }
        }
        return placeholders.resolvingMath(in: children, recording: mathShown)
    }

    /// Problems the parser found, with their positions mapped to the original file.
    mutating func report(_ raw: [CmarkParser.RawProblem]) {
        problems += raw.map { problem in
            MarkdownProblem(problem.kind, location: problem.written.map { location(problem.position, of: $0) } ?? location(problem.position),
                            message: problem.message)
        }
    }

    /// Where `written` (text found in a text node at `position`) is in the original file: the
    /// occurrence on that line nearest to the computed column.
    private func location(_ position: RawPosition, of written: String) -> MarkdownLocation {
        let approximate = location(position)
        let column = sourceLines.column(of: written, line: approximate.line, near: approximate.column) ?? approximate.column
        return MarkdownLocation(line: approximate.line, column: column)
    }

    /// A cmark position (protected text, byte column) as a location in the original file.
    private func location(_ position: RawPosition) -> MarkdownLocation {
        let byteColumn = placeholders.originalByteColumn(line: position.line,
                                                         protectedColumn: position.column)
        return MarkdownLocation(line: position.line,
                                column: sourceLines.characterColumn(line: position.line,
                                                                    byteColumn: byteColumn))
    }
}

/// A set of span indices a non-mutating walk can add to.
final class SpanSet {
    private(set) var indices: Set<Int> = []
    func insert(_ more: [Int]) { indices.formUnion(more) }
}
