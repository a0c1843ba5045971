import Foundation
import Notebook
import NotebookTestSupport
import NotesCLI
import Testing

/// `notes check --reproduce`: a cold build compared with the committed site, file by file.
@Suite struct ReproduceTests {
    final class Course {
        let url: URL
        var notes: URL { url.appendingPathComponent("Notes") }
        var output: URL { url.appendingPathComponent("Output") }
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("notes-reproduce-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
            try "lang: pt-BR\n".write(to: notes.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
            try lessonSource("# A\n\nTexto.\n\n```swift-directive\n@Train(id: \"rep\", epochs: 3)\n@Evaluate(of: [\"rep\"], label: \"fig-rep\")\n```\n")
                .write(to: notes.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        var options: BuildOptions { BuildOptions(notesFolder: notes, outputFolder: output, displayPrefix: "Notes") }

        func check() -> (code: Int32, lines: [String]) {
            let lines = LockedLines()
            var options = options
            options.readsCache = false
            let code = CheckAction(options: options, registry: fakeRegistry, reproducing: output)
                .run(console: Console(out: { _ in }, err: { lines.append($0) }))
            return (code, lines.lines)
        }
    }

    @Test func aCommittedSiteThatACleanBuildReproducesPasses() throws {
        let course = try Course()
        #expect(BuildAction(options: course.options, registry: fakeRegistry).run(console: Console(out: { _ in }, err: { _ in })) == 0)
        // Volatile elements (timings, cache status) may differ; nothing else does.
        let page = course.output.appendingPathComponent("01-a.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<span data-volatile>executado em"))
        try html.replacingOccurrences(of: "<span data-volatile>executado em", with: "<span data-volatile>resultado do cache, 99 s")
            .write(to: page, atomically: true, encoding: .utf8)
        let (code, lines) = course.check()
        #expect(code == 0, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Reproduced") })
    }

    @Test func everyDifferenceIsADiagnosticAtItsDirective() throws {
        let course = try Course()
        _ = BuildAction(options: course.options, registry: fakeRegistry).run(console: Console(out: { _ in }, err: { _ in }))
        let csv = course.output.appendingPathComponent("data/01-a/rep.csv")
        try "época,NELBO\n3,104\n".write(to: csv, atomically: true, encoding: .utf8)
        try "<svg/>".write(to: course.output.appendingPathComponent("figures/01-a/extra.svg"), atomically: true, encoding: .utf8)
        var manifest = OutputManifest.read(in: course.output)!
        manifest.paths.insert("figures/01-a/extra.svg")
        try manifest.write(in: course.output)
        let page = course.output.appendingPathComponent("01-a.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "Texto.", with: "Outro texto.")
            .write(to: page, atomically: true, encoding: .utf8)
        let (code, lines) = course.check()
        #expect(code == 1)
        let drift = lines.filter { $0.hasSuffix("[reproduce-drift]") }
        #expect(drift.count == 3, "\(drift)")
        #expect(drift.contains { $0.hasPrefix("Notes/01-a.md:11:1: error: Output/data/01-a/rep.csv differs from a cold build: row 2, column 'NELBO': committed 104, built 103") }, "\(drift)")
        #expect(drift.contains { $0.contains("Output/figures/01-a/extra.svg is committed, but a cold build no longer writes it") })
        #expect(drift.contains { $0.hasPrefix("Notes/01-a.md:1:1: error: Output/01-a.html differs") && $0.contains("Outro texto") })
    }

    @Test func volatileElementsAreBlanked() {
        let html = "<p>a <span data-volatile>1,2 s</span> b</p><li title=\"t\" data-volatile>3 s</li><span>x</span>"
        #expect(SiteComparison.blankingVolatile(html) == "<p>a <span data-volatile></span> b</p><li title=\"t\" data-volatile></li><span>x</span>")
    }
}
