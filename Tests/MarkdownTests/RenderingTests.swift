import Testing
@testable import Markdown

/// One line of Markdown in, exact HTML out.
struct RenderingTests {
    static let cases: [(markdown: String, html: String)] = [
        (#"Olá, *mundo* e **negrito**."#, #"<p>Olá, <em>mundo</em> e <strong>negrito</strong>.</p>"# + "\n"),
        // Typographic punctuation in prose, never in code or math.
        (#"O "EM generalizado" -- ou 'quase' --- e assim... `"x" -- y` $f'(x) -- g$"#,
         #"<p>O “EM generalizado” – ou ‘quase’ — e assim… <code>"x" -- y</code> <span class="math inline">$f'(x) -- g$</span></p>"# + "\n"),
        (#"~~riscado~~ e ~único~"#, #"<p><del>riscado</del> e <del>único</del></p>"# + "\n"),
        (#"Veja https://example.org/a?b=1 e www.example.com."#,
         #"<p>Veja <a href="https://example.org/a?b=1">https://example.org/a?b=1</a> e <a href="http://www.example.com">www.example.com</a>.</p>"# + "\n"),
        (#"Escreva para ana@example.org"#,
         #"<p>Escreva para <a href="mailto:ana@example.org">ana@example.org</a></p>"# + "\n"),
        (#"Antes <script>alert("x")</script> depois"#,
         #"<p>Antes &lt;script&gt;alert(“x”)&lt;/script&gt; depois</p>"# + "\n"),
        (#"<script>alert(1)</script>"#, #"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"# + "\n"),
        (#"[link](javascript:alert(1)) [ok](https://a.b/c d "t")"#,
         #"<p><a href="">link</a> [ok](<a href="https://a.b/c">https://a.b/c</a> d “t”)</p>"# + "\n"),
        (#"[ok](<https://a.b/c d> "título")"#,
         #"<p><a href="https://a.b/c%20d" title="título">ok</a></p>"# + "\n"),
        (#"![um gráfico](fig.svg)"#, #"<p><img src="fig.svg" alt="um gráfico" /></p>"# + "\n"),
        (#"`a < b` e `$x$`"#, #"<p><code>a &lt; b</code> e <code>$x$</code></p>"# + "\n"),
        ("linha  \nquebrada", "<p>linha<br />\nquebrada</p>\n"),
        ("> citação", "<blockquote>\n<p>citação</p>\n</blockquote>\n"),
        ("- um\n- dois", "<ul>\n<li>um</li>\n<li>dois</li>\n</ul>\n"),
        ("3. três\n4. quatro", "<ol start=\"3\">\n<li>três</li>\n<li>quatro</li>\n</ol>\n"),
        ("- um\n\n- dois", "<ul>\n<li>\n<p>um</p>\n</li>\n<li>\n<p>dois</p>\n</li>\n</ul>\n"),
        ("***", "<hr />\n"),
        ("```\na < b\n```", "<pre><code>a &lt; b\n</code></pre>\n"),
        ("```python extra\nprint(1)\n```",
         "<pre><code class=\"language-python\">print(<span class=\"hl-number\">1</span>)\n</code></pre>\n"),
        ("```text\nlet a < b\n```", "<pre><code class=\"language-text\">let a &lt; b\n</code></pre>\n"),
        ("    recuado", "<pre><code>recuado\n</code></pre>\n"),
    ]

    @Test(arguments: cases)
    func rendersHTML(markdown: String, html: String) throws {
        #expect(try MarkdownDocument(source: markdown).renderHTML() == html)
    }

    @Test func rendersTableWithHeaderAndAlignment() throws {
        let markdown = "| modelo | NELBO |\n| :--- | ---: |\n| VAE | 240,1 |\n| GMVAE | 236,5 |"
        let html = #"""
        <div class="prose-table"><table>
        <thead>
        <tr>
        <th align="left">modelo</th>
        <th align="right">NELBO</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td align="left">VAE</td>
        <td align="right">240,1</td>
        </tr>
        <tr>
        <td align="left">GMVAE</td>
        <td align="right">236,5</td>
        </tr>
        </tbody>
        </table></div>

        """#
        #expect(try MarkdownDocument(source: markdown).renderHTML() == html)
    }

    @Test func escapesHTMLSpecialCharacters() {
        #expect(escapeHTML(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(escapeHTML("sem nada") == "sem nada")
    }
}
