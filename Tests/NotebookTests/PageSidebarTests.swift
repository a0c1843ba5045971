import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// The reading aids around a lesson: every lesson in the sidebar, the theme switch, links to
/// the lesson's source, figures that open full size.
@Suite struct PageSidebarTests {
    func page(course: CourseConfiguration = portugueseCourse, navigation: LessonNavigation,
              body: String = "## Parte\n\nTexto.\n") throws -> String {
        let lesson = Lesson(path: "Notes/02-b.md", source: lessonSource(body))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        return LessonPage.render(lesson: lesson, plan: plan, outcomes: [:], navigation: navigation, course: course).html
    }

    let three = LessonNavigation(previous: ("01-a", "Primeira"), next: ("03-c", "Terceira <i>"),
                                 lessons: [("01-a", "Primeira"), ("02-b", "Segunda"), ("03-c", "Terceira <i>")], current: "02-b")

    @Test func theSidebarListsEveryLessonWithTheCurrentOneMarked() throws {
        let html = try page(navigation: three)
        #expect(html.contains("""
            <aside class="sidebar">
            <nav class="course-nav" aria-label="Lições">
            <details open>
            <summary><span class="toc-title">Lições</span></summary>
            <ol>
            <li><a href="01-a.html">Primeira</a></li>
            <li><a href="02-b.html" aria-current="page">Segunda</a></li>
            <li><a href="03-c.html">Terceira &lt;i&gt;</a></li>
            </ol>
            </details>
            </nav>
            <nav class="toc" aria-label="Nesta lição">
            """))
        // A lesson without headings still has the course's list beside its text.
        let plain = try page(navigation: three, body: "Só texto.\n")
        #expect(plain.contains("<aside class=\"sidebar\">\n<nav class=\"course-nav\"") && !plain.contains("class=\"toc\""))
        // A course of one lesson and no headings has no sidebar at all.
        let alone = try page(navigation: LessonNavigation(lessons: [("02-b", "Segunda")], current: "02-b"), body: "Só texto.\n")
        #expect(!alone.contains("sidebar"))
    }

    @Test func theThemeSwitchIsInTheHeaderAndTheStoredChoiceAppliesBeforePainting() throws {
        let html = try page(navigation: three)
        #expect(html.contains(#"<button class="theme-toggle" type="button" hidden aria-pressed="false" title="Tema escuro">"#))
        let head = try #require(html.range(of: "</head>"))
        let stored = try #require(html.range(of: "localStorage.getItem(\"notes-theme\")"))
        #expect(stored.lowerBound < head.lowerBound, "applied in <head>, before the stylesheet paints the page")
        let english = try page(course: CourseConfiguration(language: "en"), navigation: three)
        #expect(english.contains("title=\"Dark theme\"") && english.contains("aria-label=\"Lessons\""))
        let css = SiteAssets.stylesheet
        #expect(css.contains(":root[data-theme=\"dark\"] {") && css.contains(":root:not([data-theme=\"light\"]) {"))
    }

    @Test func sourceAndEditLinksFollowTheCourseRepository() throws {
        #expect(try !page(navigation: three).contains("source-links"), "no repository, no links")
        var course = portugueseCourse
        course.repository = "https://github.com/ana/curso/"
        course.branch = "aulas 2026"
        let html = try page(course: course, navigation: three)
        #expect(html.contains(#"<p class="source-links"><a href="https://github.com/ana/curso/blob/aulas%202026/Notes/02-b.md">Ver o código desta lição</a> · <a href="https://github.com/ana/curso/edit/aulas%202026/Notes/02-b.md">Sugerir uma correção</a></p>"#))
    }

    @Test func theBranchIsACourseKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-branch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "repository: https://example.org/c\nbranch: trunk\n".write(to: folder.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        let (course, diagnostics) = CourseConfiguration.load(from: folder, path: "Notes/course.yml")
        #expect(diagnostics.isEmpty && course.branch == "trunk")
        #expect(CourseConfiguration().branch == "main")
    }

    @Test func aFigureOpensFullSize() throws {
        let lesson = Lesson(path: "Notes/02-b.md", source: lessonSource("```swift-directive\n@Train(id: \"z\")\n@Evaluate(of: [\"z\"])\n```\n"))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let outcomes = LessonRunner().run(plan, lesson: lesson)
        let html = LessonPage.render(lesson: lesson, plan: plan, outcomes: outcomes, navigation: three, course: portugueseCourse).html
        #expect(html.contains(#"<a class="figure-zoom" href="figures/02-b/avaliacao.svg"><img src="figures/02-b/avaliacao.svg" alt="Barras de NELBO"></a>"#))
    }
}
