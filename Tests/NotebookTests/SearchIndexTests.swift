import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// The search files: one per lesson, its sections' text without code, answers or timings,
/// and the header's box that loads them.
@Suite struct SearchIndexTests {
    @Test func splitsTheArticleAtItsSectionHeadings() {
        let html = """
        <p>Antes &amp; depois de <em>tudo</em>.</p>
        <h2 id="o-elbo">O <span class="math inline">$\\mathcal{L}$</span> ELBO</h2>
        <p>Texto do ELBO.</p><pre><code>let x = 1</code></pre>
        <details class="answer">
        <summary>Resposta</summary><p>segredo</p></details>
        <p data-volatile>3,2 s</p>
        <h3 id="sub">Sub</h3><table><tr><td>1,5</td><td>2</td></tr></table>
        """
        let index = SearchIndex(lesson: "02-elbo", title: "O ELBO", article: html)
        #expect(index.sections == [
            .init(id: "", title: "O ELBO", text: "Antes & depois de tudo."),
            .init(id: "o-elbo", title: "O $\\mathcal{L}$ ELBO", text: "Texto do ELBO."),
            .init(id: "sub", title: "Sub", text: "1,5 2"),
        ])
        #expect(index.script.hasPrefix("notesSearch.add({\"lesson\":\"02-elbo\",\"sections\":[{\"id\":\"\",\"text\":\"Antes & depois de tudo.\""))
        #expect(index.script.hasSuffix("\"title\":\"O ELBO\"});\n"))
    }

    @Test func aLessonStartingWithAHeadingIsStillFoundByItsTitle() {
        let index = SearchIndex(lesson: "01-a", title: "Modelos latentes", article: "<h2 id=\"x\">X</h2><p>y</p>")
        #expect(index.sections.map(\.id) == ["", "x"])
        #expect(index.sections[0].title == "Modelos latentes")
    }

    @Test func entitiesAreDecoded() {
        #expect(SearchIndex.decodeEntities("a &lt; b &#39;c&#39; &#x2192; &bogus; &") == "a < b 'c' → &bogus; &")
    }

    @Test func everyLessonPageHasASearchFileAndABoxThatLoadsThem() throws {
        let folder = try TemporaryFolder()
        try folder.write("lang: pt-BR\n", to: "Notes/course.yml")
        try folder.write(lessonSource(title: "Primeira", order: 1, "## Parte\n\nTexto sobre codificadores.\n"), to: "Notes/01-a.md")
        try folder.write(lessonSource(title: "Segunda", order: 2, "Outro texto.\n"), to: "Notes/02-b.md")
        let options = BuildOptions(notesFolder: folder.url.appendingPathComponent("Notes"),
                                   outputFolder: folder.url.appendingPathComponent("Output"))
        _ = try SiteBuilder(registry: fakeRegistry, options: options).build()
        let script = try #require(folder.read("Output/search/01-a.js"))
        #expect(script.contains("\"id\":\"parte\",\"text\":\"Texto sobre codificadores.\",\"title\":\"Parte\""))
        #expect(folder.exists("Output/search/02-b.js"))
        for page in ["index.html", "01-a.html", "02-b.html"] {
            let html = try #require(folder.read("Output/" + page))
            #expect(html.contains("<form class=\"site-search\" role=\"search\" hidden data-lessons=\"01-a 02-b\">"), "\(page)")
            #expect(html.contains("<label class=\"visually-hidden\" for=\"notes-search\">Buscar nas lições</label>"))
        }
        // A lesson's search file goes with it.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("Notes/02-b.md"))
        _ = try SiteBuilder(registry: fakeRegistry, options: options).build()
        #expect(!folder.exists("Output/search/02-b.js"))
        #expect(folder.read("Output/01-a.html")?.contains("data-lessons=\"01-a\"") == true)
    }
}
