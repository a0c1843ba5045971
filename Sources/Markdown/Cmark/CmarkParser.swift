import CCmark
import Foundation

/// All contact with cmark-gfm: register the extensions, create a parser, attach the
/// extensions, feed, finish, walk the tree into `BlockNode`s, free everything.
///
/// No cmark type leaves this file. Options are `CMARK_OPT_DEFAULT` plus `CMARK_OPT_SMART`
/// (typographic quotes and dashes in prose: `"EM"` → “EM”, `--` → –, `...` → …, as Pandoc
/// and Quarto do; code and math, replaced by placeholders before parsing, are untouched) and
/// `CMARK_OPT_FOOTNOTES` (`[^1]` and `[^1]: …`; cmark numbers footnotes by first reference,
/// moves their definitions to the end of the document and drops unreferenced ones),
/// never `CMARK_OPT_UNSAFE`: raw HTML is kept as `.htmlBlock` / `.html` nodes and the renderer
/// escapes it, so a lesson's `<script>` reaches the page as visible text, never as an element.
enum CmarkParser {
    /// What one parse yields.
    struct Output: Sendable {
        var blocks: [BlockNode]
        /// Line ranges (1-based, inclusive) of code blocks and raw HTML blocks: text where
        /// `$` is not math.
        var verbatimLines: [ClosedRange<Int>]
        /// Footnote definitions, in the order of their numbers.
        var footnotes: [[BlockNode]] = []
        /// Problems found in text nodes, at cmark positions.
        var problems: [RawProblem] = []
    }

    /// A `MarkdownProblem` before its position is mapped to the original file.
    struct RawProblem: Sendable, Equatable {
        var kind: MarkdownProblem.Kind
        var position: RawPosition
        var message: String
        /// The text the problem is about, to find its exact column on the source line.
        var written: String?
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Parses `text` as GitHub-flavored Markdown; top-level blocks between the lines of a
    /// fenced div (`FencedDivScanner`, whose fence lines are blank in `text`) go into it.
    static func parse(_ text: String, divs: [FencedDiv] = []) -> Output {
        // cmark-gfm keeps process-wide state (the extension registry and the table of
        // special inline characters that attaching an extension edits), so parses are
        // serialized.
        lock.lock()
        defer { lock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()

        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES) else {
            preconditionFailure("cmark_parser_new failed")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm extension '\(name)' is not registered")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            preconditionFailure("cmark_parser_finish failed")
        }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)

        var builder = TreeBuilder(fences: UnclosedFenceDetector(text: text))
        let (blocks, footnotes) = builder.document(root, divs: divs)
        return Output(blocks: blocks, verbatimLines: builder.verbatimLines, footnotes: footnotes,
                      problems: builder.problems)
    }

    private static let lock = NSLock()
}

/// Walks a cmark tree depth-first into value nodes.
private struct TreeBuilder {
    typealias Node = OpaquePointer

    let fences: UnclosedFenceDetector
    var verbatimLines: [ClosedRange<Int>] = []
    var problems: [CmarkParser.RawProblem] = []

    /// The document's blocks, grouped into fenced divs, and its footnote definitions.
    mutating func document(_ root: Node, divs: [FencedDiv]) -> ([BlockNode], [[BlockNode]]) {
        var grouper = DivisionGrouper(divs: divs)
        var footnotes: [[BlockNode]] = []
        for node in children(of: root) {
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                footnotes.append(blocks(childrenOf: node))
            } else if let block = block(node) {
                grouper.add(block, line: Int(cmark_node_get_start_line(node)))
            }
        }
        return (grouper.finish(), footnotes)
    }

    mutating func blocks(childrenOf parent: Node) -> [BlockNode] {
        children(of: parent).compactMap { block($0) }
    }

    private mutating func block(_ node: Node) -> BlockNode? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(childrenOf: node))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), index: -1,
                            inlines(childrenOf: node), position(node))
        case CMARK_NODE_CODE_BLOCK:
            markVerbatim(node)
            let literal = string(cmark_node_get_literal(node))
            var fenceLength: Int32 = 0, fenceOffset: Int32 = 0, fenceCharacter: CChar = 0
            guard cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0 else {
                return .indentedCode(literal)
            }
            let missing = fences.missingClosingFence(fenceLine: Int(cmark_node_get_start_line(node)),
                                                     contentLines: literal.utf8.count { $0 == UInt8(ascii: "\n") },
                                                     character: UInt8(bitPattern: fenceCharacter),
                                                     length: Int(fenceLength))
            return .rawFencedCode(info: string(cmark_node_get_fence_info(node)), literal: literal,
                                  fence: position(node), missingClosingFence: missing)
        case CMARK_NODE_HTML_BLOCK:
            markVerbatim(node)
            let literal = string(cmark_node_get_literal(node))
            // A fenced div's fence line (`FencedDivScanner`).
            if literal.trimmingCharacters(in: .whitespacesAndNewlines) == FencedDivScanner.marker { return nil }
            return .htmlBlock(literal)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(childrenOf: node))
        case CMARK_NODE_LIST:
            let itemNodes = children(of: node)
            let items = itemNodes.map { blocks(childrenOf: $0) }
            let tasks = itemNodes.map { item -> Bool? in
                typeName(item) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
            }
            return .list(ListNode(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                  start: Int(cmark_node_get_list_start(node)),
                                  tight: cmark_node_get_list_tight(node) != 0,
                                  items: items, tasks: tasks))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            if typeName(node) == "table" { return .table(table(node)) }
            // Footnote definitions are collected by `document`; custom blocks are not enabled.
            return nil
        }
    }

    private mutating func table(_ node: Node) -> TableNode {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        let raw = cmark_gfm_extensions_get_table_alignments(node)
        let alignments: [TableNode.Alignment] = (0..<columns).map { column in
            switch raw.map({ UInt8($0[column]) }) {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
        var header: [[InlineNode]] = []
        var rows: [[[InlineNode]]] = []
        for row in children(of: node) {
            let cells = children(of: row).map { inlines(childrenOf: $0) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return TableNode(alignments: alignments, header: header, rows: rows)
    }

    private mutating func inlines(childrenOf parent: Node) -> [InlineNode] {
        children(of: parent).flatMap { node -> [InlineNode] in
            if cmark_node_get_type(node) == CMARK_NODE_TEXT {
                // A text node's literal is its source bytes (escapes and entities are
                // nodes of their own), so offsets in it are offsets on the line.
                let literal = string(cmark_node_get_literal(node))
                noteUndefinedFootnotes(in: literal, at: position(node))
                let start = position(node)
                var offset = 0
                return CrossReferenceScanner.split(literal, at: start).flatMap { piece -> [InlineNode] in
                    guard case .text(let text) = piece else {
                        if case .crossReference(let label, _) = piece { offset += 1 + label.utf8.count }
                        return [piece]
                    }
                    defer { offset += text.utf8.count }
                    return CitationScanner.split(text, at: RawPosition(line: start.line, column: start.column + offset))
                }
            }
            return inline(node).map { [$0] } ?? []
        }
    }

    /// `[^label]` left as text: a footnote reference whose definition cmark did not find.
    private mutating func noteUndefinedFootnotes(in literal: String, at position: RawPosition) {
        let bytes = Array(literal.utf8)
        var i = 0
        while i + 3 < bytes.count {
            guard bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^") else { i += 1; continue }
            var end = i + 2
            while end < bytes.count, bytes[end] != UInt8(ascii: "]"), bytes[end] != UInt8(ascii: " ") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "]"), end > i + 2,
               end + 1 >= bytes.count || bytes[end + 1] != UInt8(ascii: ":") {
                let label = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                problems.append(.init(kind: .undefinedFootnote,
                                      position: RawPosition(line: position.line, column: position.column + i),
                                      message: "the footnote [^\(label)] has no definition, so it shows as text",
                                      written: "[^\(label)]"))
            }
            i = end
        }
    }

    private mutating func inline(_ node: Node) -> InlineNode? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code(string(cmark_node_get_literal(node)), position(node))
        case CMARK_NODE_HTML_INLINE: .html(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: .emphasis(inlines(childrenOf: node))
        case CMARK_NODE_STRONG: .strong(inlines(childrenOf: node))
        case CMARK_NODE_LINK:
            .rawLink(destination: string(cmark_node_get_url(node)),
                     title: string(cmark_node_get_title(node)), inlines(childrenOf: node), position(node))
        case CMARK_NODE_IMAGE:
            .rawImage(source: string(cmark_node_get_url(node)),
                      title: string(cmark_node_get_title(node)), inlines(childrenOf: node), position(node))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            // The literal is the footnote's number, as cmark assigned it.
            Int(string(cmark_node_get_literal(node))).map { .footnoteReference($0) }
        default:
            typeName(node) == "strikethrough" ? .strikethrough(inlines(childrenOf: node)) : nil
        }
    }

    private mutating func markVerbatim(_ node: Node) {
        let first = Int(cmark_node_get_start_line(node))
        let last = max(first, Int(cmark_node_get_end_line(node)))
        verbatimLines.append(first...last)
    }

    private func children(of parent: Node) -> [Node] {
        var result: [Node] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            result.append(node)
            child = cmark_node_next(node)
        }
        return result
    }

    private func position(_ node: Node) -> RawPosition {
        RawPosition(line: Int(cmark_node_get_start_line(node)),
                    column: Int(cmark_node_get_start_column(node)))
    }

    private func typeName(_ node: Node) -> String {
        string(cmark_node_get_type_string(node))
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
