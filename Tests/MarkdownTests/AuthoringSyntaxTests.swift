import Testing
@testable import Markdown

/// What Quarto and Jupyter Book authors write besides CommonMark: footnotes, task lists,
/// heading ids and `:::` divs, with exact HTML and the problems a typo leaves.
struct AuthoringSyntaxTests {
    private func document(_ source: String) throws -> MarkdownDocument { try MarkdownDocument(source: source) }

    @Test func footnotesAreNumberedByFirstReferenceWithBackLinks() throws {
        let source = """
        Primeiro[^b], depois[^a] e de novo[^b].

        [^a]: Nota *A*.
        [^b]: Nota B com $x^2$.
        """
        let html = try document(source).renderHTML()
        #expect(html.hasPrefix(["<p>Primeiro<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>, depois", "<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup> e de novo", "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\">1</a></sup>.</p>\n"].joined()))
        #expect(html.contains(["<section class=\"footnotes\" aria-label=\"Notas de rodapé\">\n<hr />\n<ol>\n<li id=\"fn-1\">\n", "<p>Nota B com <span class=\"math inline\">$x^2$</span>. ", "<a href=\"#fnref-1\" class=\"footnote-back\" aria-label=\"Voltar ao texto\">↩</a> ", "<a href=\"#fnref-1-2\" class=\"footnote-back\" aria-label=\"Voltar ao texto\">↩<sup>2</sup></a></p>\n</li>\n", "<li id=\"fn-2\">\n<p>Nota <em>A</em>. <a href=\"#fnref-2\" class=\"footnote-back\" aria-label=\"Voltar ao texto\">↩</a></p>\n</li>\n", "</ol>\n</section>\n"].joined()))
        #expect(try document(source).problems.isEmpty)
    }

    @Test func footnotesSpeakThePagesLanguage() throws {
        let html = try document("Text[^1].\n\n[^1]: Note.").renderHTML(calloutLanguage: "en")
        #expect(html.contains("aria-label=\"Footnotes\""))
        #expect(html.contains("aria-label=\"Back to the text\""))
    }

    @Test func footnoteMistakesAreReportedWhereTheyAre() throws {
        let doc = try document("---\ntitle: T\n---\nTexto com [^falta] e $a$ [^x].\n\n[^x]: usada.\n\n[^sobra]: nunca citada.\n")
        #expect(doc.problems.map(\.kind) == [.undefinedFootnote, .unusedFootnote])
        #expect(doc.problems.map(\.location) == [MarkdownLocation(line: 4, column: 11), MarkdownLocation(line: 8, column: 1)])
        #expect(doc.problems[0].message.contains("[^falta]"))
        #expect(doc.problems[1].message.contains("[^sobra]"))
    }

    @Test func footnoteSyntaxInCodeIsNotAFootnote() throws {
        let doc = try document("Veja `[^1]`.\n\n```\n[^1]: código\n```\n")
        #expect(doc.problems.isEmpty)
        #expect(!doc.renderHTML().contains("footnote"))
    }

    @Test func taskListsRenderDisabledCheckboxes() throws {
        let html = try document("- [ ] treinar\n- [x] avaliar\n- comum").renderHTML()
        #expect(html == ["<ul class=\"task-list\">\n", "<li class=\"task-list-item\"><input type=\"checkbox\" disabled=\"\" /> treinar</li>\n", "<li class=\"task-list-item\"><input type=\"checkbox\" disabled=\"\" checked=\"\" /> avaliar</li>\n", "<li>comum</li>\n</ul>\n"].joined())
    }

    @Test func headingAttributesSetTheIdAndLeaveTheText() throws {
        let doc = try document("## Resultados $K$ {#sec-res .unnumbered}\n\n## Outra {-}\n\n## Conjunto {a}\n")
        #expect(doc.headings.map(\.id) == ["sec-res", "outra", "conjunto-a"])
        #expect(doc.headings.map(\.text) == ["Resultados $K$", "Outra", "Conjunto {a}"])
        #expect(doc.renderHTML().hasPrefix("<h2 id=\"sec-res\">Resultados <span class=\"math inline\">$K$</span></h2>\n"))
    }

    @Test func aDuplicateHeadingIDIsReportedAndMadeUnique() throws {
        let doc = try document("## Um {#x}\n\n## Dois {#x}\n")
        #expect(doc.headings.map(\.id) == ["x", "dois"])
        #expect(doc.problems.map(\.kind) == [.duplicateHeadingID])
        #expect(doc.problems.first?.location == MarkdownLocation(line: 3, column: 1))
    }

    @Test func quartoCalloutsBecomeCallouts() throws {
        let html = try document("::: {.callout-tip}\nUse $K = 10$.\n:::\n\nDepois.").renderHTML()
        #expect(html == ["<aside class=\"callout callout-tip\" aria-label=\"Dica\">\n", "<p><strong class=\"callout-label\">Dica:</strong> Use <span class=\"math inline\">$K = 10$</span>.</p>\n", "</aside>\n<p>Depois.</p>\n"].joined())
    }

    @Test func aCalloutIsTitledByItsAttributeOrFirstHeading() throws {
        let titled = try document("::: {.callout-warning title=\"Cuidado com o KL\"}\nTexto.\n:::").renderHTML()
        #expect(titled == ["<aside class=\"callout callout-warning\" aria-label=\"Cuidado com o KL\">\n", "<p class=\"callout-title\"><strong class=\"callout-label\">Cuidado com o KL</strong></p>\n<p>Texto.</p>\n</aside>\n"].joined())
        let doc = try document("::: callout-caution\n## Sobre *ELBO*\nTexto.\n:::\n\n## Seção\n")
        #expect(doc.renderHTML().hasPrefix(["<aside class=\"callout callout-caution\" aria-label=\"Sobre ELBO\">\n", "<p class=\"callout-title\"><strong class=\"callout-label\">Sobre <em>ELBO</em></strong></p>\n<p>Texto.</p>\n</aside>\n"].joined()))
        // The title is not a section of the lesson.
        #expect(doc.headings.map(\.text) == ["Seção"])
    }

    @Test func otherDivsKeepTheirIdAndClassesAndNest() throws {
        let html = try document(":::: {#fora .colunas data-x=\"1\"}\n::: {.coluna}\nA\n:::\n\nB\n::::\n").renderHTML()
        #expect(html == "<div id=\"fora\" class=\"colunas\">\n<div class=\"coluna\">\n<p>A</p>\n</div>\n<p>B</p>\n</div>\n")
    }

    @Test func colonsInCodeAreNotFences() throws {
        let doc = try document("```\n:::\n::: {.x}\n```\n")
        #expect(doc.problems.isEmpty)
        #expect(try doc.renderHTML() == "<pre><code>:::\n::: {.x}\n</code></pre>\n")
    }

    @Test func divMistakesAreReported() throws {
        let doc = try document("Texto.\n\n:::\n\n::: {.callout-note\n\n::: {.callout-note}\nSem fim.\n")
        #expect(doc.problems.map(\.kind) == [.strayDivFence, .malformedAttributes, .unclosedDiv])
        #expect(doc.problems.map(\.location.line) == [3, 5, 7])
        #expect(doc.problems[1].location.column == 5)
        // The unclosed div still holds what follows it.
        #expect(doc.renderHTML().contains("Sem fim.</p>\n</aside>\n"))
    }

    @Test(arguments: [
        ("{#id .a .b k=\"v w\" j=1}", BlockAttributes(identifier: "id", classes: ["a", "b"],
                                                     pairs: [.init(key: "k", value: "v w"), .init(key: "j", value: "1")])),
        ("callout-note", BlockAttributes(classes: ["callout-note"])),
        ("{-}", BlockAttributes(classes: ["unnumbered"])),
    ])
    func parsesAttributes(text: String, expected: BlockAttributes) {
        #expect(BlockAttributes(parsing: text[...]) == expected)
    }

    @Test(arguments: ["{a}", "{#}", "{.a", "{k=\"open}", "two words", "{.a.b}"])
    func rejectsWhatIsNotAttributes(text: String) {
        #expect(BlockAttributes(parsing: text[...]) == nil)
    }
}
