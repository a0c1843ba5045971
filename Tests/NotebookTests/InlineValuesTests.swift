import Charts
import Foundation
import Markdown
import NotebookTestSupport
import Testing
@testable import Notebook

@Suite struct InlineValuesTests {
    func values(_ numbers: NumberStyle = NumberStyle(decimalSeparator: ".")) -> InlineValues {
        InlineValues(file: "Notes/t.md",
                     results: ["kl": ExperimentResult(scalars: ["analytic": 0.718_53, "std.100": 0.097_93, "neg": -245.31,
                                                                "count": 49, "tiny": 1.234e-7])],
                     knownIDs: ["kl", "falhou"], numbers: numbers)
    }

    @Test func timingsAreCitedAsVolatile() {
        var v = InlineValues(file: "Notes/t.md", results: ["t": ExperimentResult(scalars: ["x": 1], timings: ["seconds": 1.25])],
                             knownIDs: ["t"], numbers: NumberStyle(language: "pt-BR"))
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
        var v = values(NumberStyle(language: "pt-BR"))
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

@Suite struct PageNumberStyleTests {
    @Test func languagesPickTheirSeparator() {
        #expect(NumberStyle(language: "pt-BR").decimalSeparator == ",")
        #expect(NumberStyle(language: "de").decimalSeparator == ",")
        #expect(NumberStyle(language: "en-US").decimalSeparator == ".")
        #expect(NumberStyle(language: "").decimalSeparator == ".")
    }

    /// Table cells are typed: a number cell is written in the page's format, a text cell as
    /// it is, even when it looks like a number; the CSV keeps the machine form of both.
    @Test(arguments: [
        (ResultTable.Cell.number("-3.313"), "−3,313"), (.number("9096"), "9096"), (.number("1.2e-05"), "1,2e-05"),
        (.number("0.0250"), "0,0250"), (.integer(661_404), "661\u{202F}404"), (.number("NaN"), "NaN"),
        (.text("1000 épocas"), "1000 épocas"), (.text("VAE"), "VAE"), (.text("1.5"), "1.5"), (.text("k = 10"), "k = 10"),
    ])
    func numberCellsTakeThePageFormatTextCellsStayAsWritten(cell: ResultTable.Cell, expected: String) {
        let renderer = ResultRenderer(slug: "aula", numbers: NumberStyle(language: "pt-BR"))
        #expect(renderer.cell(cell) == expected)
        let csv = ResultTable(name: "t", caption: "c", header: ["x"], rows: [[cell]]).csv
        #expect(csv == "x\n" + (cell.machine.contains(",") ? "\"\(cell.machine)\"" : cell.machine) + "\n")
    }

    @Test func aPresentationWritesNumbersInThePageFormat() {
        let nbsp = "\u{202F}"
        #expect(PageContext.portuguese.number("0.001") == "0,001")
        #expect(PageContext.portuguese.number(60_000) == "60\(nbsp)000")
        #expect(PageContext.portuguese.number(2000) == "2000")
        #expect(PageContext.english.number("-0.5") == "−0.5")
        #expect(PageContext.english.number(60_000) == "60000")
    }

    @Test func largeNumbersAreGroupedWithANarrowSpaceOnCommaPages() {
        let pt = NumberStyle(language: "pt-BR"), nbsp = "\u{202F}"
        #expect(pt.number("661404") == "661\(nbsp)404")
        #expect(pt.number("-12345.678") == "−12\(nbsp)345,678")
        #expect(pt.number("9096") == "9096" && pt.number("2024") == "2024")
        #expect(pt.number("1234567") == "1\(nbsp)234\(nbsp)567")
        #expect(NumberStyle(language: "en").number("661404") == "661404")
    }
}
