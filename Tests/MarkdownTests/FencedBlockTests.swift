import Testing
import Markdown

struct FencedBlockTests {
    @Test func exposesInfoContentAndLocations() throws {
        let source = """
        # Treino

        ```swift-directive
        // Um VAE.
        @Train(id: "vae", epochs: 10)
        ```

        ~~~~python
        print("olá")
        ~~~~
        """
        let blocks = try MarkdownDocument(source: source).fencedBlocks
        #expect(blocks == [
            FencedBlock(index: 0, info: "swift-directive", content: "// Um VAE.\n@Train(id: \"vae\", epochs: 10)\n",
                        fenceLocation: MarkdownLocation(line: 3, column: 1),
                        contentLocation: MarkdownLocation(line: 4, column: 1)),
            FencedBlock(index: 1, info: "python", content: "print(\"olá\")\n",
                        fenceLocation: MarkdownLocation(line: 8, column: 1),
                        contentLocation: MarkdownLocation(line: 9, column: 1)),
        ])
    }

    static let nested: [(source: String, fence: MarkdownLocation, content: String)] = [
        ("1. Passo:\n\n   ```swift-directive\n   @Train(id: \"a\")\n   ```\n",
         MarkdownLocation(line: 3, column: 4), "@Train(id: \"a\")\n"),
        ("- item\n  > ```swift-directive\n  > @Train(id: \"a\")\n  > ```\n",
         MarkdownLocation(line: 2, column: 5), "@Train(id: \"a\")\n"),
        ("  ```swift-directive\n  @Train(id: \"a\")\n   x\n  ```\n",
         MarkdownLocation(line: 1, column: 3), "@Train(id: \"a\")\n x\n"),
        ("- um\n  - dois\n\n    ```swift-directive\n    @Train(id: \"a\")\n    ```\n",
         MarkdownLocation(line: 4, column: 5), "@Train(id: \"a\")\n"),
    ]

    /// Inside lists and quotes the column is the block's indentation + 1, and content
    /// character i sits at `contentLocation.column + i`.
    @Test(arguments: nested)
    func locatesIndentedBlocks(source: String, fence: MarkdownLocation, content: String) throws {
        let block = try #require(try MarkdownDocument(source: source).fencedBlocks.first)
        #expect(block.fenceLocation == fence)
        #expect(block.contentLocation == MarkdownLocation(line: fence.line + 1, column: fence.column))
        #expect(block.content == content)
        #expect(block.info == "swift-directive")
    }

    @Test func indentedCodeIsNotAFencedBlock() throws {
        #expect(try MarkdownDocument(source: "Texto\n\n    @Train()\n").fencedBlocks.isEmpty)
    }
}
