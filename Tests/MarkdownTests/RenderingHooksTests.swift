import Testing
import Markdown

struct RenderingHooksTests {
    static let lesson = """
    ---
    title: GMVAE
    ---
    O NELBO foi `=gmvae.test.nelbo` nats.

    ```swift-directive
    @Evaluate(of: ["gmvae"])
    ```

    ```swift
    let x = 1 < 2
    ```
    """

    @Test func replacesDirectiveBlocksWithRawHTML() throws {
        let document = try MarkdownDocument(source: Self.lesson)
        let html = document.renderHTML(replacingBlock: { block in
            block.info == "swift-directive" ? "<figure><table><tr><td>236,5</td></tr></table></figure>" : nil
        })
        #expect(html == #"""
            <p>O NELBO foi <code>=gmvae.test.nelbo</code> nats.</p>
            <figure><table><tr><td>236,5</td></tr></table></figure>
            <pre><code class="language-swift"><span class="hl-keyword">let</span> x = <span class="hl-number">1</span> &lt; <span class="hl-number">2</span>
            </code></pre>

            """#)
    }

    @Test func inlineCodeHookGetsLiteralAndLocation() throws {
        let document = try MarkdownDocument(source: Self.lesson)
        var seen: [(String, MarkdownLocation)] = []
        let html = document.renderHTML(inlineCode: { code, location in
            seen.append((code, location))
            return code.hasPrefix("=") ? "<span class=\"result\">236,5</span>" : nil
        })
        #expect(html.hasPrefix(#"<p>O NELBO foi <span class="result">236,5</span> nats.</p>"#))
        #expect(seen.map(\.0) == ["=gmvae.test.nelbo"])
        // The location of the code's first character, in the original file.
        #expect(seen.map(\.1) == [MarkdownLocation(line: 4, column: 14)])
    }

    static let inlineLocations: [(source: String, location: MarkdownLocation)] = [
        ("`a`", MarkdownLocation(line: 1, column: 2)),
        ("Ação $x_i$ e $$y$$ `a`", MarkdownLocation(line: 1, column: 21)),
        ("- item\n  continuação `a`", MarkdownLocation(line: 2, column: 16)),
        ("> citação com ``a``", MarkdownLocation(line: 1, column: 17)),
        ("| $q(z|x)$ | `a` |\n| - | - |", MarkdownLocation(line: 1, column: 15)),
    ]

    @Test(arguments: inlineLocations)
    func inlineCodeLocationsAreExact(source: String, location: MarkdownLocation) throws {
        var seen: [MarkdownLocation] = []
        _ = try MarkdownDocument(source: source).renderHTML(inlineCode: { _, location in
            seen.append(location)
            return nil
        })
        #expect(seen == [location])
    }
}
