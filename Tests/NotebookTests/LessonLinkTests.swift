import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Links to another lesson's Markdown file become links to its page.
@Suite struct LessonLinkTests {
    func render(_ body: String) -> RenderedPage {
        let lesson = Lesson(path: "Notes/01-a.md", source: lessonSource(body))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        return LessonPage.render(lesson: lesson, plan: plan, outcomes: [:], navigation: LessonNavigation(),
                                 course: portugueseCourse, lessons: ["01-a", "02-elbo"])
    }

    @Test func linksToLessonsBecomeLinksToPages() {
        let page = render("Veja [a aula 2](02-elbo.md), [o ELBO](./02-elbo.md#o-elbo) e [esta](01-a.md#topo).\n")
        #expect(page.html.contains("<a href=\"02-elbo.html\">a aula 2</a>"))
        #expect(page.html.contains("<a href=\"02-elbo.html#o-elbo\">o ELBO</a>"))
        #expect(page.html.contains("<a href=\"01-a.html#topo\">esta</a>"))
        #expect(page.diagnostics.isEmpty)
    }

    @Test func otherLinksStayAsWritten() {
        let page = render("[site](https://example.org/a.md), [seção](#parte), [dados](data/x.md), [email](mailto:a@b.c).\n")
        #expect(page.html.contains("href=\"https://example.org/a.md\"") && page.html.contains("href=\"#parte\""))
        #expect(page.html.contains("href=\"data/x.md\"") && page.html.contains("href=\"mailto:a@b.c\""))
        #expect(page.diagnostics.isEmpty)
    }

    @Test func aLinkToNoLessonIsAWarningAtTheLink() {
        let page = render("Texto.\n\nVeja a [aula 3](03-elb.md) e a [aula 2](02-elbp.md).\n")
        #expect(positions(page.diagnostics) == ["broken-link@8:8", "broken-link@8:32"])
        #expect(page.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(page.diagnostics.last?.suggestion == "did you mean '02-elbo.md'?")
        #expect(page.html.contains("href=\"03-elb.md\""))
    }
}
