import Foundation
import Testing
@testable import Notebook
import Charts

/// A listing output: the excerpt highlighted, with where it comes from, in the page's language.
@Suite struct ListingRenderingTests {
    @Test(arguments: [("pt-BR", "linhas 3–4"), ("en", "lines 3–4")])
    func aListingShowsItsSourceAndHighlightedCode(language: String, lines: String) {
        var renderer = ResultRenderer(slug: "01-a", numbers: NumberStyle(language: language),
                                      strings: PageStrings.for(language: language) ?? .english)
        renderer.page = PageContext(language: language)
        let html = renderer.render(.listing(ResultListing(caption: "A <densidade>.", file: "Sources/A.swift", firstLine: 3, lastLine: 4,
                                                          language: "swift", code: "func f() -> Int {\n    return 1 // um\n}")))
        #expect(html.hasPrefix("<figure class=\"result-listing\">\n<figcaption>A &lt;densidade&gt;. "
            + "<span class=\"listing-source\"><code>Sources/A.swift</code>, \(lines)</span></figcaption>\n"
            + "<pre><code class=\"language-swift\">"))
        #expect(html.contains("<span class=\"hl-keyword\">func</span>"))
        #expect(html.contains("<span class=\"hl-comment\">// um</span>"))
        #expect(html.hasSuffix("</code></pre>\n</figure>\n"))
    }
}
