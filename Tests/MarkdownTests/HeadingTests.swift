import Testing
@testable import Markdown

struct HeadingTests {
    @Test func headingsGetUniquePortugueseSlugs() throws {
        let source = """
        # Introdução
        ## Introdução
        ## Introdução!
        ### $\\beta$-VAE: o que é?
        Ação e reação
        -------------
        """
        let document = try MarkdownDocument(source: source)
        #expect(document.headings == [
            Heading(level: 1, text: "Introdução", id: "introducao"),
            Heading(level: 2, text: "Introdução", id: "introducao-1"),
            Heading(level: 2, text: "Introdução!", id: "introducao-2"),
            Heading(level: 3, text: "$\\beta$-VAE: o que é?", id: "beta-vae-o-que-e",
                    html: #"<span class="math inline">$\beta$</span>-VAE: o que é?"#),
            Heading(level: 2, text: "Ação e reação", id: "acao-e-reacao"),
        ])
        #expect(document.renderHTML() == #"""
            <h1 id="introducao">Introdução</h1>
            <h2 id="introducao-1">Introdução</h2>
            <h2 id="introducao-2">Introdução!</h2>
            <h3 id="beta-vae-o-que-e"><span class="math inline">$\beta$</span>-VAE: o que é?</h3>
            <h2 id="acao-e-reacao">Ação e reação</h2>

            """#)
    }

    @Test func headingTextDropsMarkup() throws {
        let document = try MarkdownDocument(source: "## O *prior* `N(0, I)` e [links](x)")
        #expect(document.headings == [Heading(level: 2, text: "O prior N(0, I) e links", id: "o-prior-n-0-i-e-links",
                                              html: "O <em>prior</em> <code>N(0, I)</code> e links")])
    }

    static let slugs: [(text: String, slug: String)] = [
        ("Introdução", "introducao"),
        ("  Por que   VAEs?  ", "por-que-vaes"),
        ("Coração d'água", "coracao-dagua"),
        ("ÉPOCA 10 — Resultados", "epoca-10-resultados"),
        ("Prior $p_\\theta(z)$", "prior-p-theta-z"),
        ("?!", "section"),
    ]

    @Test(arguments: slugs)
    func slugifies(text: String, slug expected: String) {
        #expect(slug(text) == expected)
    }

    @Test func duplicateSlugsAvoidExistingSuffixes() {
        var registry = SlugRegistry()
        let ids = ["a 1", "a", "a", "a"].map { registry.uniqueSlug(for: $0) }
        #expect(ids == ["a-1", "a", "a-2", "a-3"])
    }
}
