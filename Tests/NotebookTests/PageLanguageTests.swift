import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Pages speak the lesson's language (else the course's): chrome, captions' numbering,
/// callouts, error boxes, claim marks; the course's title everywhere.
@Suite struct PageLanguageTests {
    static let body = """
        ## Parte

        > **Nota:** uma observação.

        > **Resposta:** escondida.

        ```swift-directive
        @Train(id: "a", caption: "Treino.")
        @Evaluate(of: ["a"], label: "fig-a")
        ```

        Veja a @fig-a; a NELBO passa de 100 `?a.nelbo > 100`.

        ```swift-directive
        @Fail(message: "quebrou")
        ```
        """

    func render(_ source: String, course: CourseConfiguration) -> String {
        let lesson = Lesson(path: "Notes/01-t.md", source: source)
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        return LessonPage.render(lesson: lesson, plan: plan, outcomes: LessonRunner().run(plan, lesson: lesson),
                                 navigation: LessonNavigation(next: ("02-u", "Seguinte")), course: course).html
    }

    @Test func anEnglishCourseGivesEnglishChrome() {
        var course = CourseConfiguration(language: "en")
        course.title = "Deep Generative Models"
        let html = render(lessonSource(Self.body), course: course)
        for text in ["<html lang=\"en\">", "Table 1.</span>", "Figure 1.</span>", ">Figure 1</a>", "On this page",
                     "Skip to content", "Lesson 1 · 3 experiments", "callout-label\">Note:</strong>", "<summary>Answer</summary>",
                     "Error in the directive (line", "Directive source", "title=\"Verified: ", "<span>Next</span>",
                     "— Deep Generative Models</title>", "site-title\" href=\"index.html\">Deep Generative Models<"] {
            #expect(html.contains(text), "missing \(text)")
        }
        for text in ["Tabela", "Figura", "Nesta lição", "Nota:", "Resposta", "Erro na", "Próxima", "Modelos Generativos"] {
            #expect(!html.contains(text), "still has \(text)")
        }
    }

    @Test func aPortugueseCourseGivesThePortuguesePageAgain() {
        var course = CourseConfiguration(language: "pt-BR")
        course.title = "Modelos"
        let html = render(lessonSource(Self.body), course: course)
        for text in ["<html lang=\"pt-BR\">", "Tabela 1.</span>", "Figura 1.</span>", "Nesta lição", "Lição 1 · 3 experimentos",
                     "callout-label\">Nota:</strong>", "<summary>Resposta</summary>", "Erro na diretiva (linha",
                     "Código da diretiva", "title=\"Verificado: ", "<span>Próxima</span>"] {
            #expect(html.contains(text), "missing \(text)")
        }
    }

    @Test func theLessonsLangOverridesTheCourses() {
        let source = "---\ntitle: T\nlang: en\n---\n" + Self.body
        let html = render(source, course: CourseConfiguration(language: "pt-BR"))
        #expect(html.contains("<html lang=\"en\">") && html.contains("Table 1.</span>"))
    }

    @Test func anUnsupportedLessonLanguageIsAWarningAndKeepsItsTag() {
        let source = "---\ntitle: T\nlang: de\n---\n\nText.\n"
        let lesson = Lesson(path: "Notes/01-t.md", source: source)
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: [:], navigation: LessonNavigation(),
                                     course: CourseConfiguration(language: "pt-BR"))
        #expect(positions(page.diagnostics) == ["unsupported-lang@3:7"])
        #expect(page.html.contains("<html lang=\"de\">") && page.html.contains("Pular para o conteúdo"))
    }

    @Test func theIndexShowsTheCourse() {
        var course = CourseConfiguration(language: "en")
        course.title = "Deep Generative Models"
        course.subtitle = "Executable notes"
        course.authors = ["Ada Lovelace", "Alan <Turing>"]
        course.intro = "Notes on VAEs."
        course.footer = "Graduate course & lab."
        course.repository = "https://example.org/c"
        let html = IndexPage.render([IndexPage.Entry(slug: "01-a", title: "A", summary: "S", experiments: 2, seconds: 3.5)],
                                    course: course)
        for text in ["<h1>Deep Generative Models</h1>", "<p class=\"subtitle\">Executable notes</p>",
                     "Ada Lovelace, Alan &lt;Turing&gt;", "<p class=\"lede\">Notes on VAEs.</p>", "Lesson 1", "2 experiments",
                     "3.50 s of compute", "Graduate course &amp; lab.", "href=\"https://example.org/c\""] {
            #expect(html.contains(text), "missing \(text)")
        }
    }

    @Test func aCourseFileReachesEveryPageAndItsProblemsTheReport() throws {
        let folder = try TemporaryFolder()
        try folder.write("title: Curso de Teste\nlang: en\ntitel: x\n", to: "Notes/course.yml")
        try folder.write(lessonSource("Texto.\n"), to: "Notes/01-a.md")
        let report = try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"), outputFolder: folder.url.appendingPathComponent("Output"),
            displayPrefix: "Notes")).build()
        #expect(report.diagnostics.map { "\($0.file):\($0.id)@\($0.line):\($0.column)" } == ["Notes/course.yml:unknown-course-key@3:1"])
        #expect(folder.read("Output/index.html")?.contains("<h1>Curso de Teste</h1>") == true)
        #expect(folder.read("Output/01-a.html")?.contains("Curso de Teste</a>") == true)
        #expect(folder.read("Output/01-a.html")?.contains("<html lang=\"en\">") == true)
    }

    @Test func theBylineShowsTheAuthorAndTheDateInThePagesLanguage() {
        let source = "---\ntitle: T\nauthor: [Ana Souza, Bruno Lima]\ndate: 2026-12-07\n---\n\nTexto.\n"
        let pt = render(source, course: CourseConfiguration(language: "pt-BR"))
        #expect(pt.contains("<p class=\"lesson-byline\">Lição 1 · Ana Souza, Bruno Lima · 7 de dezembro de 2026 · cerca de 1 min de leitura</p>"))
        let en = render(source, course: CourseConfiguration(language: "en"))
        #expect(en.contains("Lesson 1 · Ana Souza, Bruno Lima · December 7, 2026 · about 1 min read"))
        // Another form of date is shown as written.
        let other = render("---\ntitle: T\ndate: outono de 2026\n---\n\nTexto.\n", course: CourseConfiguration(language: "pt-BR"))
        #expect(other.contains("Lição 1 · outono de 2026 ·"))
    }
}

