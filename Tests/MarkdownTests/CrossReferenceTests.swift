import Testing
@testable import Markdown

struct CrossReferenceTests {
    func render(_ source: String) throws -> (html: String, seen: [String]) {
        var seen: [String] = []
        let html = try MarkdownDocument(source: source).renderHTML(crossReference: { label, location in
            seen.append("\(label)@\(location)")
            return "<a href=\"#\(label)\">Figura 1</a>"
        })
        return (html, seen)
    }

    @Test func replacesReferencesAndReportsTheirLocation() throws {
        let (html, seen) = try render("Veja a @fig-curvas, e a @tab-kl_2.")
        #expect(html == ##"<p>Veja a <a href="#fig-curvas">Figura 1</a>, e a <a href="#tab-kl_2">Figura 1</a>.</p>"## + "\n")
        #expect(seen == ["fig-curvas@1:8", "tab-kl_2@1:25"])
    }

    static let locations: [(source: String, seen: [String])] = [
        ("---\ntitle: T\n---\nA (@fig-a) e\nmais @tab-b-.", ["fig-a@4:4", "tab-b@5:6"]),
        ("Com $x_i$ e ação @fig-a", ["fig-a@1:18"]),
        ("- item com *ênfase* @fig-a", ["fig-a@1:21"]),
        ("> **Nota:** veja @fig-a.", ["fig-a@1:18"]),
        ("| a | b |\n| - | - |\n| $q$ | @tab-x |", ["tab-x@3:9"]),
        ("Como no Quarto, @tbl-priors.", ["tbl-priors@1:17"]),
    ]

    @Test(arguments: locations)
    func locationsAreInTheOriginalFile(source: String, seen: [String]) throws {
        #expect(try render(source).seen == seen)
    }

    static let notReferences = [
        "ana@fig-x.org", "`@fig-a` em código", "um @figura solta", "@fig- vazio", "@tabela", "[link @fig-a](https://a.b)",
        "x.@fig-a",
    ]

    @Test(arguments: notReferences)
    func leavesOtherTextAlone(source: String) throws {
        #expect(try render(source).seen.isEmpty)
    }

    @Test func withoutAHookTheTextStays() throws {
        #expect(try MarkdownDocument(source: "Veja @fig-a.").renderHTML() == "<p>Veja @fig-a.</p>\n")
    }
}
