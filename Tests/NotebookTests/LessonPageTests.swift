import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

@Suite struct LessonPageTests {
    func render(_ source: String, navigation: LessonNavigation = LessonNavigation()) -> RenderedPage {
        let lesson = Lesson(path: "Notes/t.md", source: source)
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let outcomes = LessonRunner().run(plan, lesson: lesson)
        return LessonPage.render(lesson: lesson, plan: plan, outcomes: outcomes, navigation: navigation, course: portugueseCourse)
    }

    @Test func replacesBlocksWithNumberedResultsAndSourceDetails() {
        let page = render(lessonSource("""
        Antes.

        ```swift-directive
        @Train(id: "a", caption: "Primeiro treino.")
        @Evaluate(of: ["a"], caption: "Avaliação final.")
        ```

        Depois.
        """))
        #expect(page.path == "t.html")
        #expect(page.html.contains("<span class=\"caption-number\">Tabela 1.</span> Primeiro treino."))
        #expect(page.html.contains("<span class=\"caption-number\">Tabela 2.</span> Avaliação final."))
        #expect(page.html.contains("<span class=\"caption-number\">Figura 1.</span> Avaliação final."))
        #expect(page.html.contains("<img src=\"figures/t/avaliacao.svg\" alt=\"Barras de NELBO\""))
        #expect(page.html.contains("<details class=\"directive-source\">"))
        // The directive's source, highlighted as Swift.
        #expect(page.html.contains(#"<pre><code class="language-swift"><span class="hl-attribute">@Train</span>(id: <span class="hl-string">"a"</span>, caption: <span class="hl-string">"Primeiro treino."</span>)"#))
        #expect(!page.html.contains("swift-directive"))
        #expect(Set(page.files.keys) == ["data/t/a.csv", "data/t/avaliacao.csv", "figures/t/avaliacao.svg"])
        #expect(String(decoding: page.files["data/t/avaliacao.csv"]!, as: UTF8.self) == "modelo,NELBO\na,110.0\n")
    }

    /// Quarto's `tbl-` prefix is accepted like `tab-` (the fake @Evaluate labels its figure).
    @Test func quartoTablePrefixIsALabelAndAReference() {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource("""
        ```swift-directive
        @Train(id: "a")
        @Evaluate(of: ["a"], label: "tbl-primeiro")
        ```

        Como na @tbl-primeiro.
        """))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let outcomes = LessonRunner().run(plan, lesson: lesson)
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: outcomes, navigation: LessonNavigation(), course: portugueseCourse)
        #expect(page.html.contains(##"href="#tbl-primeiro">Figura 1</a>"##), "\(page.html)")
        #expect(page.diagnostics.isEmpty && plan.diagnostics.isEmpty, "\(page.diagnostics) \(plan.diagnostics)")
    }

    @Test func escapesLessonStringsEverywhere() {
        let page = render(lessonSource(title: "<script>alert(1)</script>", """
        ```swift-directive
        @Train(id: "x", caption: "<script>alert(2)</script>")
        ```
        """), navigation: LessonNavigation(next: ("b", "<script>alert(3)</script>")))
        #expect(!page.html.contains("<script>alert"))
        #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(page.html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"))
    }

    @Test func failedBlocksShowErrorBoxesAndOthersStillRender() {
        let page = render(lessonSource("""
        ```swift-directive
        @Fail(message: "sem dados")
        ```

        ```swift-directive
        @Train(id: "ok")
        ```
        """))
        #expect(page.html.contains("<div class=\"directive-error\" role=\"alert\">"))
        #expect(page.html.contains("Notes/t.md:7:1: error: @Fail failed: sem dados; do something else [fake-failure]"))
        #expect(page.html.contains("Tabela 1."))
    }

    @Test func twoResultsWithTheSameNameGetDistinctFiles() {
        let page = render(lessonSource("""
        ```swift-directive
        @Train(id: "a")
        @Evaluate(of: ["a"])
        @Evaluate(of: ["a"])
        ```
        """))
        #expect(page.files.keys.contains("figures/t/avaliacao.svg"))
        #expect(page.files.keys.contains("figures/t/avaliacao-2.svg"))
    }

    @Test func navigationLinksNeighbours() {
        let page = render(lessonSource("Texto."), navigation: LessonNavigation(previous: ("01-a", "A"), next: ("03-c", "C")))
        #expect(page.html.contains("<a class=\"pager-previous\" rel=\"prev\" href=\"01-a.html\"><span>Anterior</span> A</a>"))
        #expect(page.html.contains("<a class=\"pager-next\" rel=\"next\" href=\"03-c.html\"><span>Próxima</span> C</a>"))
    }

    @Test func formatsSecondsInPortuguese() {
        #expect(formatSeconds(0.4213) == "0,42 s")
        #expect(formatSeconds(12.34) == "12,3 s")
        #expect(formatSeconds(125) == "2 min 05 s")
    }

    @Test func fileSafeNames() {
        #expect(fileSafe("Variância do KL") == "variancia-do-kl")
        #expect(fileSafe("../../etc") == "etc")
        #expect(fileSafe("") == "resultado")
    }
}
