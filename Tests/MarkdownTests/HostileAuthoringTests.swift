import Testing
@testable import Markdown

/// Inputs that once made the authoring syntax slow or wrong: many brackets or dollars in one
/// paragraph, lists next to `:::` fences, `$` in a link, columns after smart quotes.
struct HostileAuthoringTests {
    @Test func manyOpenBracketsAreScannedOnce() throws {
        let text = "[@a " + String(repeating: "[", count: 200_000) + "\n"
        let doc = try MarkdownDocument(source: text)
        #expect(doc.renderHTML().count > 200_000)
    }

    @Test func manyUnclosedDollarsAreOneWarningAndLinear() throws {
        let doc = try MarkdownDocument(source: String(repeating: "$a ", count: 100_000) + "\n\nDepois $x fim.\n")
        #expect(doc.problems.filter { $0.kind == .unmatchedDollar }.count == 2)
        #expect(doc.math.isEmpty)
    }

    @Test func aListEndsAtTheFenceOfItsDiv() throws {
        let html = try MarkdownDocument(source: "::: {.callout-tip}\n- a\n:::\n\n::: {.callout-note}\n- b\n:::\n").renderHTML()
        let label = { (kind: String, text: String) in
            "<aside class=\"callout callout-\(kind)\" aria-label=\"\(text)\">\n<p><strong class=\"callout-label\">\(text):</strong></p>\n"
        }
        #expect(html == label("tip", "Dica") + "<ul>\n<li>a</li>\n</ul>\n</aside>\n" + label("note", "Nota") + "<ul>\n<li>b</li>\n</ul>\n</aside>\n")
    }

    @Test func dollarsInALinkAreNoFormula() throws {
        let doc = try MarkdownDocument(source: "[loja](https://x.com/?min=$a&max=$b) e $y$.\n")
        #expect(doc.math.map(\.tex) == ["y"])
    }

    @Test func columnsStayExactAfterSmartQuotesAndEscapes() throws {
        let doc = try MarkdownDocument(source: "\"Veja\" \\*isto\\* [@nokey] e [^x] e @fig-a.\n")
        var citation: MarkdownLocation?
        var reference: MarkdownLocation?
        _ = doc.renderHTML(crossReference: { _, at in reference = at; return nil },
                           citation: { _, _, at in citation = at; return nil })
        #expect(citation == MarkdownLocation(line: 1, column: 17))
        #expect(doc.problems.first { $0.kind == .undefinedFootnote }?.location == MarkdownLocation(line: 1, column: 28))
        #expect(reference == MarkdownLocation(line: 1, column: 35))
    }
}
