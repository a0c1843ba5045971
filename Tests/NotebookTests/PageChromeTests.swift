import Charts
import Testing
@testable import Notebook
import Markdown

@Suite struct PageChromeTests {
    @Test func indexCardShowsNumberSummaryExperimentsAndComputeTime() {
        let html = IndexPage.card(.init(slug: "05-gmvae", title: "GMVAE <b>", summary: "Resumo.", experiments: 3, seconds: 12.34))
        #expect(html == """
            <li class="lesson-card">
            <p class="lesson-number">Lição 5</p>
            <h2><a href="05-gmvae.html">GMVAE &lt;b&gt;</a></h2>
            <p class="lesson-summary">Resumo.</p>
            <ul class="lesson-meta">
            <li>3 experimentos</li>
            <li title="Tempo de cálculo dos experimentos" data-volatile>12,3 s de cálculo</li>
            </ul>
            </li>

            """)
    }

    @Test func indexCardWithoutTimeOrNumber() {
        let html = IndexPage.card(.init(slug: "intro", title: "Intro", summary: "", experiments: 1))
        #expect(html.contains("<li>1 experimento</li>\n</ul>"))
        #expect(!html.contains("lesson-number"))
        #expect(!html.contains("cálculo"))
    }

    @Test func tableOfContentsListsLevelTwoAndThreeWithInlineMarkup() {
        let headings = [Heading(level: 1, text: "T", id: "t"),
                        Heading(level: 2, text: "Prior $p(z)$", id: "prior-p-z",
                                html: #"Prior <span class="math inline">$p(z)$</span>"#),
                        Heading(level: 3, text: "A & B", id: "a-b"),
                        Heading(level: 4, text: "fundo", id: "fundo")]
        #expect(LessonPage.tableOfContents(headings) == """
            <nav class="toc" aria-label="Nesta lição">
            <details open>
            <summary><span class="toc-title">Nesta lição</span></summary>
            <ul>
            <li class="toc-level-2"><a href="#prior-p-z">Prior <span class="math inline">$p(z)$</span></a></li>
            <li class="toc-level-3"><a href="#a-b">A &amp; B</a></li>
            </ul>
            </details>
            </nav>

            """)
    }

    @Test(arguments: [(640.0, 380.0, #" width="640" height="380""#), (945.6, 604.0, #" width="946" height="604""#),
                      (0.0, 380.0, "")])
    func figureSizeComesFromTheChartDocument(width: Double, height: Double, attributes: String) {
        let figure = ResultFigure(name: "f", caption: "c", svg: SVGDocument(text: "<svg/>", width: width, height: height), altText: "a")
        #expect(sizeAttributes(figure) == attributes)
    }

    @Test func onlyFiguresWiderThanTheColumnAreWide() throws {
        var renderer = ResultRenderer(slug: "aula")
        func html(_ width: Double) -> String {
            renderer.render(.figure(ResultFigure(name: "f\(width)", caption: "c",
                                                 svg: SVGDocument(text: "<svg/>", width: width, height: 100), altText: "a")))
        }
        #expect(html(945.6).contains(#"<figure class="result-figure wide""#))
        #expect(html(640).contains(#"<figure class="result-figure" "#))
    }
}

@Suite struct LessonBylineTests {
    @Test func bylineGivesNumberExperimentsAndReadingTime() {
        let prose = Array(repeating: "palavra", count: 600).joined(separator: " ")
        let lesson = Lesson(path: "Notes/05-gmvae.md", source: "---\ntitle: T\n---\n\(prose)\n\n```swift-directive\n@Train(id: \"a\")\n```\n")
        #expect(LessonPage.byline(lesson: lesson, experiments: 2)
            == "<p class=\"lesson-byline\">Lição 5 · 2 experimentos · cerca de 3 min de leitura</p>\n")
    }
}
