import Testing
import Markdown

struct FrontMatterTests {
    @Test func parsesKnownKeysAndKeepsExtras() throws {
        let source = """
        ---
        title: Modelos de variáveis latentes
        order: 1
        summary: "Por que uma variável latente ajuda: $p(x)$."
        lang: pt-BR
        author: Ana
        tags: [vae, gmvae]
        ---
        # Introdução
        """
        let document = try MarkdownDocument(source: source)
        #expect(document.frontMatter == FrontMatter(
            title: "Modelos de variáveis latentes", order: 1,
            summary: "Por que uma variável latente ajuda: $p(x)$.", lang: "pt-BR",
            extras: ["author": "Ana", "tags": "vae, gmvae"]))
        #expect(document.renderHTML() == #"<h1 id="introducao">Introdução</h1>"# + "\n")
    }

    @Test func keepsLineNumbersOfTheBodyExact() throws {
        let source = """
        ---
        title: Treino
        order: 3
        ---

        Texto.

        ```swift-directive
        @Train(id: "vae")
        ```
        """
        let block = try #require(try MarkdownDocument(source: source).fencedBlocks.first)
        #expect(block.fenceLocation == MarkdownLocation(line: 8, column: 1))
        #expect(block.contentLocation == MarkdownLocation(line: 9, column: 1))
        #expect(block.content == "@Train(id: \"vae\")\n")
    }

    @Test func withoutFrontMatterEverythingIsNil() throws {
        let document = try MarkdownDocument(source: "# Título\n")
        #expect(document.frontMatter == FrontMatter())
    }

    @Test func emptyFrontMatterIsAllowed() throws {
        #expect(try MarkdownDocument(source: "---\n---\nTexto").frontMatter == FrontMatter())
    }

    static let errors: [(source: String, error: FrontMatterError)] = [
        ("---\ntitle: Treino\norder: abc\n---\n",
         FrontMatterError(line: 3, column: 8, message: "'order' must be an integer, found 'abc'")),
        ("---\ntitle: [unclosed\n---\n",
         FrontMatterError(line: 3, column: 1, message: "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)")),
        ("---\ntitle: a\n  bad: indentation\n---\n",
         FrontMatterError(line: 3, column: 6, message: "invalid YAML: mapping values are not allowed in this context")),
        ("---\n- a\n- b\n---\n",
         FrontMatterError(line: 2, column: 1, message: "front matter must be a mapping of keys to values")),
        ("---\ntitle:\n  nested: map\n---\n",
         FrontMatterError(line: 3, column: 3, message: "'title' must be text, found a mapping")),
        ("---\ntitle: Nunca fechado\n\n# Texto\n",
         FrontMatterError(line: 1, column: 1, message: "front matter opened with '---' is never closed")),
    ]

    @Test(arguments: errors)
    func reportsErrorsAtTheirLocationInTheFile(source: String, error: FrontMatterError) {
        #expect(throws: error) { try MarkdownDocument(source: source) }
    }
}
