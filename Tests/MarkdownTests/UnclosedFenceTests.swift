import Testing
import Markdown

/// `FencedBlock.missingClosingFence`: set only when a fence runs to the end of the document.
struct UnclosedFenceTests {
    static let unclosed: [(source: String, fence: String, location: MarkdownLocation)] = [
        ("# T\n\n```swift-directive\n@Train(id: \"a\")\n\n## Depois\n\nMais texto.\n", "```",
         MarkdownLocation(line: 3, column: 1)),
        ("Texto.\n\n~~~~python\nprint(1)\n~~~\n", "~~~~", MarkdownLocation(line: 3, column: 1)),
        ("````\ncode\n```\n", "````", MarkdownLocation(line: 1, column: 1)),
        ("Texto.\n\n```", "```", MarkdownLocation(line: 3, column: 1)),
        ("- item\n\n  ```swift\n  let x = 1\n", "```", MarkdownLocation(line: 3, column: 3)),
        ("> ```\n> code\n>\n\n\n", "```", MarkdownLocation(line: 1, column: 3)),
        ("Olá, ação.\n\n  ```swift-directive\n@A()\n```x\n", "```", MarkdownLocation(line: 3, column: 3)),
    ]

    @Test(arguments: unclosed)
    func reportsTheFenceThatWouldCloseIt(source: String, fence: String, location: MarkdownLocation) throws {
        let blocks = try MarkdownDocument(source: source).fencedBlocks
        let block = try #require(blocks.last)
        #expect(blocks.count == 1)
        #expect(block.missingClosingFence == fence)
        #expect(!block.isClosed)
        #expect(block.fenceLocation == location)
    }

    static let closed: [String] = [
        "```swift-directive\n@Train(id: \"a\")\n```",
        "```swift-directive\n@Train(id: \"a\")\n```\n\n\n",
        "```\ncode\n`````   \nTexto.\n",
        "~~~\ncode\n~~~\n",
        "- item\n\n  ```\n  code\n  ```\n",
        "> ```\n> code\n> ```\n",
        // Closed by its container: the quote ends, the rest of the lesson is not swallowed.
        "> ```\n> code\n\nTexto depois.\n",
        "- ```\n  code\n\nTexto depois.\n",
    ]

    @Test(arguments: closed)
    func closedBlocksHaveNoMissingFence(source: String) throws {
        let block = try #require(try MarkdownDocument(source: source).fencedBlocks.first)
        #expect(block.missingClosingFence == nil)
        #expect(block.isClosed)
    }

    @Test func onlyTheLastOfSeveralBlocksCanBeUnclosed() throws {
        let source = "```a\n1\n```\n\nTexto.\n\n```b\n2\n\nTexto.\n"
        let blocks = try MarkdownDocument(source: source).fencedBlocks
        #expect(blocks.map(\.isClosed) == [true, false])
        #expect(blocks.last?.fenceLocation == MarkdownLocation(line: 7, column: 1))
    }
}
