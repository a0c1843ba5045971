import Testing
@testable import Markdown

/// Callouts and answers: one line of Markdown in, exact HTML out.
struct CalloutTests {
    static let cases: [(markdown: String, html: String)] = [
        (#"> **Nota:** só a primeira linha."#,
         #"<aside class="callout callout-note" aria-label="Nota">"# + "\n"
            + #"<p><strong class="callout-label">Nota:</strong> só a primeira linha.</p>"# + "\n</aside>\n"),
        (#"> **Atenção:** pode ser *negativa*."#,
         #"<aside class="callout callout-warning" aria-label="Atenção">"# + "\n"
            + #"<p><strong class="callout-label">Atenção:</strong> pode ser <em>negativa</em>.</p>"# + "\n</aside>\n"),
        (#"> **Importante**: dois-pontos fora do negrito."#,
         #"<aside class="callout callout-important" aria-label="Importante">"# + "\n"
            + #"<p><strong class="callout-label">Importante:</strong> dois-pontos fora do negrito.</p>"# + "\n</aside>\n"),
        ("> **Dica:** use $S = 1$.\n>\n> Segundo parágrafo.",
         #"<aside class="callout callout-tip" aria-label="Dica">"# + "\n"
            + #"<p><strong class="callout-label">Dica:</strong> use <span class="math inline">$S = 1$</span>.</p>"# + "\n"
            + "<p>Segundo parágrafo.</p>\n</aside>\n"),
        (#"> **Resposta:** $\frac{1}{2}$."#,
         "<details class=\"answer\">\n<summary>Resposta</summary>\n"
            + #"<p><span class="math inline">$\frac{1}{2}$</span>.</p>"# + "\n</details>\n"),
        ("> **Resposta:**\n>\n> - um\n> - dois",
         "<details class=\"answer\">\n<summary>Resposta</summary>\n<ul>\n<li>um</li>\n<li>dois</li>\n</ul>\n</details>\n"),
        // Not callouts: an unknown label, a label without colon, bold text later in the line.
        (#"> **Observação:** texto."#, "<blockquote>\n<p><strong>Observação:</strong> texto.</p>\n</blockquote>\n"),
        (#"> **Nota** sem dois-pontos."#, "<blockquote>\n<p><strong>Nota</strong> sem dois-pontos.</p>\n</blockquote>\n"),
        (#"> Uma **Nota:** no meio."#, "<blockquote>\n<p>Uma <strong>Nota:</strong> no meio.</p>\n</blockquote>\n"),
    ]

    @Test(arguments: cases)
    func rendersCallout(markdown: String, html: String) throws {
        #expect(try MarkdownDocument(source: markdown).renderHTML() == html)
    }

    @Test func calloutInsideAListItemStillWorks() throws {
        let html = try MarkdownDocument(source: "- item\n\n  > **Nota:** dentro.").renderHTML()
        #expect(html.contains(#"<aside class="callout callout-note" aria-label="Nota">"#))
    }
}
