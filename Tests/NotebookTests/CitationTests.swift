import Foundation
import Testing
@testable import Notebook
@testable import Markdown
import NotebookTestSupport

/// `[@key]` against `Notes/references.bib`: author-year links, a reference list per lesson,
/// diagnostics for unknown keys and malformed BibTeX.
@Suite struct CitationTests {
    static let bib = """
    @string{iclr = "International Conference on Learning Representations"}
    @comment{exported by a reference manager}
    @inproceedings{kingma2014,
      author = {Kingma, Diederik P. and Welling, Max},
      title = {Auto-Encoding Variational {B}ayes},
      booktitle = iclr # " (ICLR)",
      year = {2014},
      eprint = {1312.6114}, archivePrefix = {arXiv}
    }
    @article{rezende2014,
      author = "Danilo Jimenez Rezende and Shakir Mohamed and Daan Wierstra",
      title = {Stochastic Backpropagation},
      journal = {Journal of {M}achine Learning},
      volume = 3, number = {2}, pages = {1--10}, year = 2014,
      doi = {10.1000/xyz}
    }
    @book{dilokthanakul2016, author = {Nat Dilokthanakul and Jo{\\~a}o {S}ilva and Fran{\\c{c}}ois M{\\"u}ller}, title = {GMVAE}, publisher = {P}, year = {2016}}
    """

    @Test func parsesBibTeXAsReferenceManagersWriteIt() {
        let bibliography = Bibliography(path: "Notes/references.bib", text: Self.bib)
        #expect(bibliography.diagnostics.isEmpty)
        #expect(bibliography.entries.keys.sorted() == ["dilokthanakul2016", "kingma2014", "rezende2014"])
        let kingma = bibliography.entries["kingma2014"]
        #expect(kingma?["booktitle"] == "International Conference on Learning Representations (ICLR)")
        #expect(kingma?["title"] == "Auto-Encoding Variational Bayes")
        #expect(kingma?.familyNames == ["Kingma", "Welling"])
        #expect(bibliography.entries["rezende2014"]?.familyNames == ["Rezende", "Mohamed", "Wierstra"])
        #expect(bibliography.entries["rezende2014"]?["pages"] == "1–10")
        #expect(bibliography.entries["dilokthanakul2016"]?["author"] == "Nat Dilokthanakul and João Silva and François Müller")
    }

    @Test func malformedEntriesAreErrorsAtTheirPlaceAndTheRestIsKept() {
        let text = "@article{ok, title = {A}, year = 2000}\n@article{bad, title = {B}, year = 20 00}\n@article{ok, title={C}}\n@misc{last, note = undefined}\n@misc{fine, year = {1999}}\n"
        let bibliography = Bibliography(path: "Notes/references.bib", text: text)
        #expect(bibliography.entries.keys.sorted() == ["fine", "ok"])
        #expect(bibliography.entries["ok"]?["title"] == "A")
        #expect(positions(bibliography.diagnostics) == ["invalid-bibliography@2:38", "invalid-bibliography@3:1", "invalid-bibliography@4:20"])
        #expect(bibliography.diagnostics[2].message.contains("unknown abbreviation 'undefined'"))
    }

    @Test func abbreviationsCannotExpandWithoutBound() {
        var text = "@string{a = \"xxxxxxxxxx\"}\n"
        for (level, name) in ["b", "c", "d", "e", "f", "g"].enumerated() {
            let previous = level == 0 ? "a" : ["b", "c", "d", "e", "f"][level - 1]
            text += "@string{\(name) = " + Array(repeating: previous, count: 10).joined(separator: " # ") + "}\n"
        }
        text += "@misc{bomb, note = g}\n@misc{fine, year = 2000}\n"
        let bibliography = Bibliography(path: "Notes/references.bib", text: text)
        #expect(bibliography.entries.keys.sorted() == ["fine"])
        #expect(bibliography.diagnostics.contains { $0.message.contains("longer than 64 KB") })
    }

    @Test(arguments: [
        ("[@a]", [CitationItem(key: "a")]),
        ("[@kingma2014; -@rezende2014, p. 3]", [CitationItem(key: "kingma2014"), CitationItem(key: "rezende2014", suppressesAuthor: true, locator: "p. 3")]),
        ("[@a.b:c-d]", [CitationItem(key: "a.b:c-d")]),
    ])
    func findsCitationsInProse(text: String, items: [CitationItem]) throws {
        let doc = try MarkdownDocument(source: "Veja " + text + " aqui.")
        var found: [[CitationItem]] = []
        _ = doc.renderHTML(citation: { items, _, location in
            found.append(items)
            #expect(location == MarkdownLocation(line: 1, column: 6))
            return nil
        })
        #expect(found == [items])
    }

    @Test(arguments: ["[@]", "[ @a ]x", "[@a b]", "[email@x.org]", "`[@a]`", "$[@a]$"])
    func leavesWhatIsNotACitation(text: String) throws {
        var calls = 0
        _ = try MarkdownDocument(source: text).renderHTML(citation: { _, _, _ in calls += 1; return nil })
        #expect(calls == 0 || text == "[ @a ]x")
    }

    @Test func aLessonCitesAndListsItsReferences() throws {
        let folder = try TemporaryFolder()
        try folder.write("lang: pt-BR\n", to: "Notes/course.yml")
        try folder.write(Self.bib, to: "Notes/references.bib")
        try folder.write(lessonSource(title: "A", order: 1, "O VAE [@kingma2014; @rezende2014] e [-@dilokthanakul2016] e [@kingm2014].\n"),
                         to: "Notes/01-a.md")
        try folder.write(lessonSource(title: "B", order: 2, "Nada citado.\n"), to: "Notes/02-b.md")
        let report = try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"), outputFolder: folder.url.appendingPathComponent("Output"))).build()
        #expect(positions(report.diagnostics) == ["unknown-citation@6:61"])
        #expect(report.diagnostics.first?.suggestion == "did you mean '@kingma2014'?")
        let page = try #require(folder.read("Output/01-a.html"))
        #expect(page.contains("O VAE <span class=\"citation\">(<a href=\"#ref-kingma2014\">Kingma &amp; Welling, 2014</a>; "
            + "<a href=\"#ref-rezende2014\">Rezende et al., 2014</a>)</span> e <span class=\"citation\">(<a href=\"#ref-dilokthanakul2016\">2016</a>)</span>"))
        #expect(page.contains("<h2 id=\"ref-list\">Referências</h2>"))
        // Sorted by author: Dilokthanakul, Kingma, Rezende.
        let order = ["ref-dilokthanakul2016", "ref-kingma2014", "ref-rezende2014"].map { page.range(of: "<li id=\"\($0)\">")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
        #expect(page.contains("Kingma, D. P., &amp; Welling, M. (2014). Auto-Encoding Variational Bayes. <em>International Conference on Learning Representations (ICLR)</em>. <a href=\"https://arxiv.org/abs/1312.6114\">arXiv:1312.6114</a>."))
        #expect(page.contains("<em>Journal of Machine Learning</em>, 3(2), 1–10. <a href=\"https://doi.org/10.1000/xyz\">doi:10.1000/xyz</a>"))
        #expect(folder.read("Output/02-b.html")?.contains("Referências") == false)
    }

    @Test func citingWithoutABibliographySaysWhereItGoes() throws {
        let folder = try TemporaryFolder()
        try folder.write(lessonSource(title: "A", order: 1, "Veja [@kingma2014].\n"), to: "Notes/01-a.md")
        let report = try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"), outputFolder: folder.url.appendingPathComponent("Output"))).build()
        #expect(positions(report.diagnostics) == ["unknown-citation@6:6"])
        #expect(report.diagnostics.first?.suggestion?.contains("references.bib") == true)
        #expect(folder.read("Output/01-a.html")?.contains("Veja [@kingma2014].") == true)
    }
}
