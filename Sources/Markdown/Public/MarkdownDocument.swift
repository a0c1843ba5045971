/// A lesson's Markdown, parsed: front matter, fenced blocks, headings, and a tree to render.
///
/// Parsing happens once, in `init`; the cmark tree is copied into value types and freed
/// there, so a document is a plain `Sendable` value.
///
/// ```swift
/// let document = try MarkdownDocument(source: text)
/// let html = document.renderHTML(replacingBlock: { block in
///     block.info == "swift-directive" ? results[block.index] : nil
/// })
/// ```
public struct MarkdownDocument: Sendable {
    public let frontMatter: FrontMatter
    /// The front matter's top-level keys in source order, with their locations.
    public let frontMatterEntries: [FrontMatterEntry]
    /// True when the body (everything after the front matter) is only whitespace.
    public let bodyIsBlank: Bool
    /// Every fenced code block, in source order (`index` is the position in this array).
    public let fencedBlocks: [FencedBlock]
    /// Every heading, in source order, with unique `id`s.
    public let headings: [Heading]
    /// What parses but is most likely a mistake (a footnote without definition, an unclosed
    /// `:::`), in source order.
    public let problems: [MarkdownProblem]
    /// Every math span, in source order.
    public let math: [MathOccurrence]
    private let blocks: [BlockNode]
    private let footnotes: [[BlockNode]]

    /// Splits off the front matter and parses the body.
    ///
    /// Steps: blank out the front matter (keeping line numbers); parse once with cmark to
    /// learn where code and raw HTML blocks are; blank the fence lines of `:::` divs outside
    /// them (and parse again if there were any); replace math outside code with
    /// placeholders; parse again; resolve placeholders, locations, slugs.
    ///
    /// - Throws: `FrontMatterError` for malformed front matter, and for front matter that is
    ///   too large, nests too deep or uses YAML anchors and aliases (`FrontMatterGuard`).
    public init(source: String) throws(FrontMatterError) {
        let split = try FrontMatterSplitter(source: source)
        (frontMatter, frontMatterEntries) = try split.yaml.map { yaml throws(FrontMatterError) in
            try FrontMatterDecoder(yaml: yaml, firstLine: split.yamlFirstLine).decode()
        } ?? (FrontMatter(), [])
        bodyIsBlank = split.body.allSatisfy(\.isWhitespace)

        let plain = CmarkParser.parse(split.body)
        let divs = FencedDivScanner.scan(split.body, verbatimLines: Set(plain.verbatimLines.joined()))
        let firstPass = divs.divs.isEmpty && divs.problems.isEmpty ? plain : CmarkParser.parse(divs.text, divs: divs.divs)
        let verbatimLines = Set(firstPass.verbatimLines.joined())
        let placeholders = MathPlaceholders(text: divs.text, verbatimLines: verbatimLines)
        let parsed = placeholders.spans.isEmpty
            ? firstPass : CmarkParser.parse(placeholders.protectedText, divs: divs.divs)
        let lines = SourceLines(source)
        var resolver = DocumentResolver(placeholders: placeholders, sourceLines: lines)
        blocks = resolver.resolve(parsed.blocks)
        footnotes = parsed.footnotes.map { resolver.resolve($0) }
        resolver.report(parsed.problems)
        fencedBlocks = resolver.fencedBlocks
        headings = resolver.headings
        // Only spans shown as math: `$` in a URL or raw HTML is no formula to check.
        let shown = resolver.mathShown.indices
        math = zip(placeholders.spans, placeholders.starts).enumerated().filter { shown.contains($0.offset) }.map(\.element)
            .map { span, start in
            let delimiter = span.isDisplay ? 2 : 1
            return MathOccurrence(tex: String(span.source.dropFirst(delimiter).dropLast(delimiter)), isDisplay: span.isDisplay,
                                  location: MarkdownLocation(line: start.line,
                                                             column: lines.characterColumn(line: start.line, byteColumn: start.byteColumn)),
                                  isSingleLine: !span.source.contains("\n"))
        }
        let dollars = placeholders.unmatched.map { start in
            MarkdownProblem(.unmatchedDollar, line: start.line,
                            column: lines.characterColumn(line: start.line, byteColumn: start.byteColumn),
                            message: "this $ opens math that is never closed in its paragraph, so it shows as text")
        }
        problems = (divs.problems + resolver.problems + dollars
                    + UnusedFootnotes.problems(in: divs.text, verbatimLines: verbatimLines))
            .sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// Renders the body as HTML.
    ///
    /// - Parameters:
    ///   - replacingBlock: HTML to put in place of a fenced block, inserted as is (the
    ///     caller escapes); nil renders the block as `<pre><code class="language-…">`.
    ///   - inlineCode: HTML to put in place of a code span, given its literal and the location
    ///     of the literal's first character (after the opening backticks); nil renders
    ///     `<code>…</code>`. The line is always exact; the column is exact unless a paragraph
    ///     continuation line is indented differently from the paragraph's first line.
    ///   - crossReference: HTML to put in place of a cross-reference `@fig-label` /
    ///     `@tab-label` in prose (see `CrossReferenceScanner`), given the label without `@`
    ///     and the location of the `@`; nil leaves the text as written. Not called inside a
    ///     link's text.
    public func renderHTML(replacingBlock: (FencedBlock) -> String? = { _ in nil },
                           inlineCode: (String, MarkdownLocation) -> String? = { _, _ in nil },
                           crossReference: (String, MarkdownLocation) -> String? = { _, _ in nil },
                           calloutLanguage: String? = nil,
                           linkDestination: (String, MarkdownLocation) -> String? = { _, _ in nil },
                           imageSource: (String, MarkdownLocation) -> String? = { _, _ in nil },
                           citation: ([CitationItem], String, MarkdownLocation) -> String? = { _, _, _ in nil }) -> String {
        withoutActuallyEscaping(replacingBlock) { replacingBlock in
            withoutActuallyEscaping(inlineCode) { inlineCode in
                withoutActuallyEscaping(crossReference) { crossReference in
                withoutActuallyEscaping(linkDestination) { linkDestination in
                withoutActuallyEscaping(imageSource) { imageSource in
                withoutActuallyEscaping(citation) { citation in
                    var renderer = HTMLRenderer(fencedBlocks: fencedBlocks, headings: headings,
                                                replacingBlock: replacingBlock, inlineCode: inlineCode,
                                                crossReference: crossReference)
                    renderer.calloutLanguage = calloutLanguage
                    renderer.footnotes = footnotes
                    renderer.linkDestination = linkDestination
                    renderer.imageSource = imageSource
                    renderer.citation = citation
                    return renderer.render(blocks)
                }
                }
                }
                }
            }
        }
    }
}
