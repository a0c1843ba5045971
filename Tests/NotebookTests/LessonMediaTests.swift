import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// A lesson's own images travel with its page, and the Markdown authors' mistakes (footnotes,
/// `:::` blocks, heading ids, images) are diagnostics at the place they were written.
@Suite struct LessonMediaTests {
    func build(_ body: String, files: [String: String] = [:]) throws -> (TemporaryFolder, BuildReport) {
        let folder = try TemporaryFolder()
        try folder.write(lessonSource(title: "Imagens", order: 1, body), to: "Notes/01-a.md")
        for (path, text) in files { try folder.write(text, to: "Notes/" + path) }
        let report = try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"),
            outputFolder: folder.url.appendingPathComponent("Output"))).build()
        return (folder, report)
    }

    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>"

    @Test func localImagesAreCopiedBesideThePage() throws {
        let (folder, report) = try build("![Esquema](img/esquema%20vae.svg) e ![web](https://example.org/a.png)\n",
                                         files: ["img/esquema vae.svg": Self.svg])
        #expect(report.errorCount == 0)
        #expect(folder.read("Output/media/01-a/img/esquema vae.svg") == Self.svg)
        let page = try #require(folder.read("Output/01-a.html"))
        #expect(page.contains("<img src=\"media/01-a/img/esquema%20vae.svg\" alt=\"Esquema\" />"))
        #expect(page.contains("<img src=\"https://example.org/a.png\""))
        // The copy is the lesson's: it goes when the image leaves the lesson.
        try folder.write(lessonSource(title: "Imagens", order: 1, "Sem imagem.\n"), to: "Notes/01-a.md")
        _ = try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"),
            outputFolder: folder.url.appendingPathComponent("Output"))).build()
        #expect(!folder.exists("Output/media/01-a/img/esquema vae.svg"))
    }

    @Test(arguments: [
        ("![x](img/esquma.svg)", "does not exist", "did you mean 'esquema.svg'?"),
        ("![x](../segredo.png)", "outside the lessons folder", nil),
        ("![x](img/notas.txt)", "not an image", nil),
    ] as [(String, String, String?)])
    func aBadImageIsAnErrorAtTheImage(markdown: String, message: String, suggestion: String?) throws {
        let (_, report) = try build("Texto.\n\n" + markdown + "\n", files: ["img/esquema.svg": Self.svg, "img/notas.txt": "x"])
        let diagnostic = try #require(report.lessons.flatMap(\.diagnostics).first { $0.id == "missing-image" })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains(message))
        #expect((diagnostic.line, diagnostic.column) == (8, 1))
        if let suggestion { #expect(diagnostic.suggestion == suggestion) }
    }

    @Test func markdownProblemsAreDiagnosticsWithIDs() throws {
        let (_, report) = try build("Texto[^a] e [^b].\n\n[^a]: ok\n\n[^c]: solta\n\n::: {.callout-note}\nSem fim\n")
        let found = report.lessons.flatMap(\.diagnostics).map { "\($0.id)@\($0.line):\($0.column)" }
        #expect(found == ["undefined-footnote@6:13", "unused-footnote@10:1", "unclosed-div@12:1"])
        #expect(report.lessons.flatMap(\.diagnostics).first { $0.id == "unclosed-div" }?.severity == .error)
    }
}
