import Foundation
import Markdown
import NotebookTestSupport
import Testing
@testable import Notebook

@Suite struct InlineValuesTests {
    func values(_ numbers: LocalNumbers = LocalNumbers()) -> InlineValues {
        InlineValues(file: "Notes/t.md",
                     results: ["kl": ExperimentResult(scalars: ["analytic": 0.718_53, "std.100": 0.097_93, "neg": -245.31,
                                                                "count": 49, "tiny": 1.234e-7])],
                     knownIDs: ["kl", "falhou"], numbers: numbers)
    }

    @Test func timingsAreCitedAsVolatile() {
        var v = InlineValues(file: "Notes/t.md", results: ["t": ExperimentResult(scalars: ["x": 1], timings: ["seconds": 1.25])],
                             knownIDs: ["t"], numbers: LocalNumbers(language: "pt-BR"))
        let html = v.resolve("=t.seconds:1", at: MarkdownLocation(line: 1, column: 1))
        #expect(html == "<span class=\"inline-value timing\" data-volatile title=\"t.seconds\">1,2</span>"
                || html == "<span class=\"inline-value timing\" data-volatile title=\"t.seconds\">1,3</span>")
        #expect(v.resolve("=t.x", at: MarkdownLocation(line: 1, column: 1))?.contains("data-volatile") == false)
        #expect(v.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("=kl.analytic", "0.7185"), ("=kl.std.100", "0.09793"), ("=kl.analytic:2", "0.72"), ("=kl.neg", "−245.3"),
        ("=kl.count", "49"), ("=kl.count:2", "49.00"), ("=kl.tiny", "1.23e-07"),
    ])
    func formatsScalars(code: String, text: String) {
        var v = values()
        let html = v.resolve(code, at: MarkdownLocation(line: 3, column: 5))
        #expect(html?.contains(">\(text)</span>") == true)
        #expect(v.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("=kl.analytic", "0,7185"), ("=kl.neg", "−245,3"), ("=kl.count", "49"), ("=kl.tiny", "1,23e-07"),
    ])
    func portugueseLessonsWriteADecimalComma(code: String, text: String) {
        var v = values(LocalNumbers(language: "pt-BR"))
        #expect(v.resolve(code, at: MarkdownLocation(line: 3, column: 5))?.contains(">\(text)</span>") == true)
    }

    @Test func ordinaryCodeIsLeftAlone() {
        var v = values()
        #expect(v.resolve("let x = 1", at: MarkdownLocation(line: 1, column: 1)) == nil)
        #expect(v.resolve("=", at: MarkdownLocation(line: 1, column: 1)) == nil)
    }

    @Test(arguments: [
        ("=kk.analytic", "unknown-reference", "did you mean 'kl'?"),
        ("=kl.analitic", "unknown-reference", "did you mean 'kl.analytic'?"),
        ("=kl", "invalid-reference", nil),
        ("=kl.analytic:x", "invalid-reference", nil),
    ] as [(String, String, String?)])
    func badReferencesAreDiagnosed(code: String, id: String, suggestion: String?) {
        var v = values()
        _ = v.resolve(code, at: MarkdownLocation(line: 9, column: 12))
        #expect(positions(v.diagnostics) == ["\(id)@9:12"])
        if let suggestion { #expect(v.diagnostics.first?.suggestion == suggestion) }
    }

    @Test func failedDirectiveShowsAPlaceholderWithoutAnotherError() {
        var v = values()
        #expect(v.resolve("=falhou.x", at: MarkdownLocation(line: 1, column: 1))?.contains(">?</span>") == true)
        #expect(v.diagnostics.isEmpty)
    }

    @Test func pageCitesResultsInProse() {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource("""
        O NELBO foi `=a.nelbo` e `=b.nelbo` não existe.

        ```swift-directive
        @Train(id: "a", epochs: 5)
        ```
        """))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: LessonRunner().run(plan, lesson: lesson),
                                     navigation: LessonNavigation(), course: portugueseCourse)
        #expect(page.html.contains("<span class=\"inline-value\" title=\"a.nelbo\">105</span>"))
        #expect(positions(page.diagnostics) == ["unknown-reference@6:27"])
    }
}

@Suite struct LocalNumbersTests {
    @Test func languagesPickTheirSeparator() {
        #expect(LocalNumbers(language: "pt-BR").decimalSeparator == ",")
        #expect(LocalNumbers(language: "de").decimalSeparator == ",")
        #expect(LocalNumbers(language: "en-US").decimalSeparator == ".")
        #expect(LocalNumbers(language: "").decimalSeparator == ".")
    }

    @Test(arguments: [
        ("-3.313", "−3,313"), ("9096", "9096"), ("1.2e-05", "1,2e-05"), ("0.0250", "0,0250"), ("+1.5", "+1,5"),
        ("1000 épocas", "1000 épocas"), ("VAE", "VAE"), ("NaN", "NaN"), ("1.2.3", "1.2.3"), ("2e", "2e"), ("", ""),
        ("k = 10", "k = 10"), ("∞", "∞"),
    ])
    func onlyWholeNumberCellsChange(cell: String, expected: String) {
        #expect(LocalNumbers(language: "pt-BR").cell(cell) == expected)
    }

    @Test func runningTextChangesOnlyPointsBetweenDigits() {
        let pt = LocalNumbers(language: "pt-BR")
        #expect(pt.text("KL médio de teste do VAE: 4.08 nats. Fim.") == "KL médio de teste do VAE: 4,08 nats. Fim.")
        #expect(pt.text("N(0, I) e 1e-3.") == "N(0, I) e 1e-3.")
        #expect(LocalNumbers(language: "en").text("4.08") == "4.08")
    }

    @Test func largeNumbersAreGroupedWithANarrowSpaceOnCommaPages() {
        let pt = LocalNumbers(language: "pt-BR"), nbsp = "\u{202F}"
        #expect(pt.cell("661404") == "661\(nbsp)404")
        #expect(pt.cell("-12345.678") == "−12\(nbsp)345,678")
        #expect(pt.cell("9096") == "9096" && pt.cell("2024") == "2024")
        #expect(pt.number("1234567") == "1\(nbsp)234\(nbsp)567")
        #expect(pt.text("(10000 de treino, 2000 de teste), 0.123456 e 60000.5 nats")
                == "(10\(nbsp)000 de treino, 2000 de teste), 0,123456 e 60\(nbsp)000,5 nats")
        #expect(pt.text("x12345, 1_00000 e 12345abc") == "x12345, 1_00000 e 12345abc")
        #expect(LocalNumbers(language: "en").cell("661404") == "661404")
        #expect(LocalNumbers(language: "en").text("10000 images") == "10000 images")
    }

}
