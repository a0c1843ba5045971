import Testing
@testable import Notebook
import NotebookTestSupport

@Suite struct PageCrossReferenceTests {
    func render(_ body: String) -> RenderedPage {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource(body))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        return LessonPage.render(lesson: lesson, plan: plan, outcomes: LessonRunner().run(plan, lesson: lesson),
                                 navigation: LessonNavigation(), course: portugueseCourse)
    }

    @Test func linksToAFigureDefinedLaterInThePage() {
        let page = render("""
        Como mostra a @fig-nelbo, o GMVAE ganha.

        ```swift-directive
        @Train(id: "a")
        @Evaluate(of: ["a"], label: "fig-nelbo")
        ```

        De novo: @fig-nelbo.
        """)
        #expect(page.diagnostics.isEmpty)
        #expect(page.html.contains(##"<p>Como mostra a <a class="xref" href="#fig-nelbo">Figura 1</a>, o GMVAE ganha.</p>"##))
        #expect(page.html.contains(##"<p>De novo: <a class="xref" href="#fig-nelbo">Figura 1</a>.</p>"##))
        #expect(page.html.contains(#"<figure class="result-figure" id="fig-nelbo">"#))
        #expect(!page.html.contains("\u{E000}"))
    }

    @Test func unknownLabelIsADiagnosticAtTheReference() {
        let page = render("""
        Texto.

        Veja a @fig-nelbx.

        ```swift-directive
        @Train(id: "a")
        @Evaluate(of: ["a"], label: "fig-nelbo")
        ```
        """)
        // Front matter takes 5 lines: the reference is on line 8, column 8.
        #expect(positions(page.diagnostics) == ["unknown-label@8:8"])
        #expect(page.diagnostics.first?.suggestion == "did you mean '@fig-nelbo'?")
        #expect(page.html.contains(#"<span class="xref missing">@fig-nelbx?</span>"#))
    }

    @Test func resolvesPlaceholdersOnlyForKnownIndices() {
        var references = CrossReferences(file: "Notes/t.md")
        let a = references.placeholder(for: "tab-a", at: .init(line: 3, column: 1))
        let html = "<p>\(a) e \u{E000}99\u{E001}</p>"
        let (resolved, diagnostics) = references.resolve(in: html, labels: ["tab-a": ("tab-a", "Tabela 2")])
        #expect(resolved == "<p><a class=\"xref\" href=\"#tab-a\">Tabela 2</a> e \u{E000}99\u{E001}</p>")
        #expect(diagnostics.isEmpty)
    }
}
