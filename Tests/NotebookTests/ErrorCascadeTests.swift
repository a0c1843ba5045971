import Markdown
import Testing
@testable import Notebook
import NotebookTestSupport

/// One typo, one error: blocks and prose that cite a directive with errors do not report an
/// error of their own (the cited id and labels are still known), so a student's mistake is
/// not buried under a screen of consequences.
@Suite struct ErrorCascadeTests {
    struct Build {
        var plan: LessonPlan
        var outcomes: [Int: DirectiveOutcome]
        var page: RenderedPage
        var diagnostics: [Diagnostic] {
            (plan.diagnostics + outcomes.values.flatMap(\.diagnostics) + page.diagnostics)
                .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        }
    }

    func build(_ body: String) -> Build {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource(body))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let outcomes = LessonRunner().run(plan, lesson: lesson)
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: outcomes, navigation: LessonNavigation(), course: portugueseCourse)
        return Build(plan: plan, outcomes: outcomes, page: page)
    }

    // Front matter takes lines 1–5, so the body starts on line 6.
    static let citations = """

        ```swift-directive
        @Evaluate(of: ["a"], label: "fig-av")
        ```

        O NELBO foi `=a.nelbo`, comparado na @fig-av e na @tab-a.
        """

    @Test(arguments: [
        (#"@Train(id: "a", epoch: 5, label: "tab-a")"#, "unknown-argument@8:17"),
        (#"@Train(id: "a", model: .gmvea, label: "tab-a")"#, "unknown-member@8:24"),
        (#"@Trian(id: "a", label: "tab-a")"#, "unknown-directive@8:1"),
    ])
    func oneMistakeIsOneError(call: String, error: String) {
        let b = build("Texto.\n```swift-directive\n\(call)\n```\n" + Self.citations)
        #expect(positions(b.diagnostics.filter { $0.severity == .error }) == [error])
        // What reads it says, as a warning, that it was not run and why.
        #expect(positions(b.diagnostics.filter { $0.severity == .warning }) == ["dependency-failed@12:1"])
        #expect(b.diagnostics.first { $0.id == "dependency-failed" }?.message.contains("'a' failed") == true)
        #expect(b.plan.directiveForID["a"] != nil)
        // The page still shows where the values and figures would be.
        #expect(b.page.html.contains(#"<span class="inline-value missing" title="a.nelbo">?</span>"#))
        #expect(b.page.html.contains("@fig-av?</span>") && b.page.html.contains("@tab-a?</span>"))
    }

    @Test func labelsAndIDsAreReadFromCallsWithErrors() throws {
        let (calls, _) = DirectiveParser.parse(#"@X(id: "a", label: ["fig-a", "tab-a"], epoch: 1)"#, file: "t.md",
                                               startLine: 1, startColumn: 1)
        let call = try #require(calls.first)
        #expect(LessonPlan.literalStrings("label", in: call) == ["fig-a", "tab-a"])
        #expect(LessonPlan.literalStrings("id", in: call) == ["a"])
        #expect(LessonPlan.literalStrings("epoch", in: call).isEmpty)
    }

    @Test func unknownNamesAreStillErrors() {
        let b = build("""
        ```swift-directive
        @Train(id: "a", epochs: 2)
        @Evaluate(of: ["b"])
        ```

        Valor `=b.nelbo` e figura @fig-b.
        """)
        #expect(positions(b.diagnostics) == ["unknown-id@8:16", "unknown-reference@11:8", "unknown-label@11:27"])
    }

    @Test func aDuplicateOfABrokenDirectiveIsStillADuplicate() {
        let b = build("""
        ```swift-directive
        @Train(id: "a", epoch: 2)
        @Train(id: "a", epochs: 2)
        ```
        """)
        #expect(positions(b.diagnostics) == ["unknown-argument@7:17", "duplicate-id@8:12"])
    }
}
