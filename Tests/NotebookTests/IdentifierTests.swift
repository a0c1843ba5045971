import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// The grammar of ids, labels and lesson file names, and the HTML ids a page hands out.
@Suite struct IdentifierTests {
    func plan(_ body: String) -> LessonPlan {
        LessonPlan(lesson: Lesson(path: "Notes/t.md", source: lessonSource(body)), registry: fakeRegistry)
    }

    @Test(arguments: [
        ("vae", true, nil), ("fig-kl_2", true, nil), ("tab.v2", true, nil), ("a.b", false, "contains '.'"),
        ("", true, "is empty"), ("-x", true, "must start"), ("ação", true, "contains 'ç'"), ("a b", true, "contains ' '"),
        (String(repeating: "x", count: 65), true, "the limit is 64"), (String(repeating: "x", count: 64), true, nil),
        ("a\"b", true, "contains '\"'"), ("x\u{1B}", true, "contains '\\u{1b}'"),
    ] as [(String, Bool, String?)])
    func grammar(text: String, dots: Bool, problem: String?) {
        let found = Identifier.problem(text, allowingDots: dots)
        if let problem { #expect(found?.contains(problem) == true, "\(text): \(found ?? "nil")") } else { #expect(found == nil) }
    }

    @Test func suggestionsFollowTheGrammar() {
        for text in ["Ação Final", String(repeating: "é", count: 100), "\"", "-x-"] {
            #expect(Identifier.problem(Identifier.suggestion(for: text, allowingDots: false), allowingDots: false) == nil, "\(text)")
        }
    }

    @Test func invalidIdStopsItsDirectiveAndReadersGetOneWarning() {
        let p = plan("```swift-directive\n@Train(id: \"a b\")\n@Evaluate(of: [\"a b\"])\n```\n")
        #expect(positions(p.diagnostics) == ["invalid-identifier@7:12"])
        #expect(p.diagnostics.first?.suggestion == "write id: \"a-b\"")
        #expect(p.runOrder.count == 1)
    }

    @Test func labelProblems() {
        let p = plan("""
        ## Resultados

        ```swift-directive
        @Train(id: "t1", label: "fig-a")
        @Train(id: "t2", label: "fig-a")
        @Train(id: "t3", label: "curvas")
        @Train(id: "t4", label: "fig-x-")
        @Train(id: "t5", label: "resultados")
        ```
        """)
        #expect(p.diagnostics.map(\.id) == ["duplicate-label", "unreferenceable-label", "unreferenceable-label", "unreferenceable-label"])
        #expect(p.diagnostics.filter { $0.severity == .error }.map(\.id) == ["duplicate-label"])
    }

    @Test func labelThatIsAlsoAHeadingIdIsDiagnosed() {
        let p = plan("## Fig curvas\n\n```swift-directive\n@Train(id: \"t6\", label: \"fig-curvas\")\n```\n")
        #expect(p.diagnostics.map(\.id) == ["duplicate-html-id"])
    }

    @Test func unlabelledAnchorsNeverCollideWithHeadings() {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource("## Figura 1\n\n## Tabela 1\n\n## Conteúdo principal\n\n```swift-directive\n@Train(id: \"a\")\n@Evaluate(of: [\"a\"])\n```\n"))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: LessonRunner().run(plan, lesson: lesson),
                                     navigation: LessonNavigation(), course: portugueseCourse)
        let ids = page.html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(ids.contains("figura-1-2") && ids.contains("tabela-1-2"))
    }

    @Test(arguments: [
        ("01-a.md", nil), ("index.md", "index"), ("Index.md", "index"), ("a b.md", "rename it to a-b.md"),
        ("x.MD", "lowercase"), (String(repeating: "a", count: 65) + ".md", "the limit is 64"),
        ("javascript:alert(1).md", "rename it to javascript-alert-1.md"), ("p\" onerror=\"x.md", "rename it"),
    ] as [(String, String?)])
    func lessonNames(name: String, problem: String?) {
        let found = LessonLoader.nameProblem(name)
        if let problem {
            #expect(((found?.message ?? "") + " " + (found?.suggestion ?? "")).contains(problem), "\(name): \(String(describing: found))")
        } else {
            #expect(found == nil)
        }
    }

    @Test func urlAttributesArePercentEncodedAndEscaped() {
        #expect(urlAttribute("figures/01-a/kl.svg") == "figures/01-a/kl.svg")
        #expect(urlAttribute("p\" onerror=\"x.html") == "p%22%20onerror%3D%22x.html")
        #expect(urlAttribute("javascript:alert(1).html") == "javascript%3Aalert%281%29.html")
        #expect(urlAttribute("a&b<c>.html") == "a%26b%3Cc%3E.html")
    }
}
