import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Notebook
import NotebookTestSupport
@testable import NotesCLI
import Testing

/// `notes serve` end to end on an ephemeral loopback port: a prose edit shows up in the
/// served page within 2 s, with no experiment rerun. The HTTP and safety suites nest here
/// (ServeHTTPTests.swift, ServeSafetyTests.swift) so that `--filter ServeTests` runs them all.
@Suite struct ServeTests {
    static let silent = Console(out: { _ in }, err: { _ in })

    func get(_ port: UInt16, _ path: String) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(1)))
    func editedParagraphIsServedWithinTwoSecondsWithoutRerunningExperiments() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("Notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let lesson = notes.appendingPathComponent("01-serve.md")
        func write(_ paragraph: String) throws {
            try lessonSource(title: "Servida", "\(paragraph)\n\n```swift-directive\n@Train(id: \"serve-test\")\n```\n")
                .write(to: lesson, atomically: true, encoding: .utf8)
        }
        try write("Primeira versão do parágrafo.")

        let options = BuildOptions(notesFolder: notes, outputFolder: root.appendingPathComponent("Output"),
                                   cacheFolder: root.appendingPathComponent("cache"))
        let action = ServeAction(options: options, registry: fakeRegistry, port: 0, interval: .milliseconds(100))
        let session = try action.start(console: Self.silent)
        do {
            let index = try await get(session.port, "/")
            #expect(index.status == 200)
            #expect(index.body.contains("Servida"))
            #expect(index.body.contains("/__notes/version"))
            let page = try await get(session.port, "/01-serve.html")
            #expect(page.body.contains("Primeira versão do parágrafo."))
            #expect(try await get(session.port, "/../etc/passwd").status == 404)
            #expect(try await get(session.port, "/assets/notes.css").status == 200)
            let runsBefore = fakeRuns.count("Train:serve-test")
            let before = try await get(session.port, "/__notes/version").body
            #expect(before == "{\"version\":\(session.version)}")

            let edited = ContinuousClock.now
            try write("Segunda versão, editada.")
            var served = ""
            while ContinuousClock.now - edited < .seconds(2) {
                served = try await get(session.port, "/01-serve.html").body
                if served.contains("Segunda versão, editada.") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(served.contains("Segunda versão, editada."), "not rebuilt within 2 s")
            #expect(try await get(session.port, "/__notes/version").body != before)
            #expect(fakeRuns.count("Train:serve-test") == runsBefore, "a prose edit must not rerun experiments")
            // The built file itself has no live-reload script.
            let built = try String(contentsOf: options.outputFolder.appendingPathComponent("01-serve.html"), encoding: .utf8)
            #expect(!built.contains("/__notes/version"))
        } catch {
            session.stop()
            throw error
        }
        session.stop()
    }

    @Test func watcherReportsChangedAndAddedLessons() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "a".write(to: folder.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        var watcher = LessonWatcher(notesFolder: folder)
        #expect(watcher.poll() == nil)
        try "a, editada".write(to: folder.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == .lessons(["01-a"]))
        try "b".write(to: folder.appendingPathComponent("02-b.md"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == .all)
        try "x".write(to: folder.appendingPathComponent("notas.txt"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == nil)
        // The course configuration frames every page: adding or editing it rebuilds all.
        try "title: Curso".write(to: folder.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == .all)
        try "title: Outro curso".write(to: folder.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == .all)
        // The references and the images any lesson may use rebuild all too; the freeze does not.
        try "@misc{a, year = 1}".write(to: folder.appendingPathComponent("references.bib"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == .all)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("img"), withIntermediateDirectories: true)
        try "<svg/>".write(to: folder.appendingPathComponent("img/a.svg"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == .all)
        try "<svg></svg>".write(to: folder.appendingPathComponent("img/a.svg"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == .all)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("_freeze/01-a"), withIntermediateDirectories: true)
        try "{}".write(to: folder.appendingPathComponent("_freeze/01-a/k.json"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("img/notas.txt"), atomically: true, encoding: .utf8)
        #expect(watcher.poll() == nil)
    }

    @Test func injectsTheReloadScriptBeforeBodyEnd() {
        let html = LiveReload.inject(into: "<html><body><p>x</p></body></html>", version: 7)
        #expect(html.hasPrefix("<html><body><p>x</p><script>"))
        #expect(html.contains("var version = 7;"))
        #expect(html.hasSuffix("</script>\n</body></html>"))
    }

    @Test(arguments: [("/", "index.html"), ("/05-gmvae.html", "05-gmvae.html"), ("/assets/notes.css?v=1", "assets/notes.css"),
                      ("/figures/a%20b.svg", "figures/a b.svg")])
    func mapsPathsIntoTheOutputFolder(path: String, file: String) {
        let server = SiteServer(outputFolder: URL(fileURLWithPath: "/site"), version: { 0 })
        #expect(server.file(for: path)?.path == "/site/" + file)
    }

    @Test(arguments: ["/../secret", "/assets/../../x", "/.notes-cache/k", "/%2E%2E/x", "/a%00b", "/a\\b", "/a%5Cb", "/%ZZ"])
    func refusesPathsLeavingTheOutputFolder(path: String) {
        let server = SiteServer(outputFolder: URL(fileURLWithPath: "/site"), version: { 0 })
        #expect(server.file(for: path) == nil)
    }
}
