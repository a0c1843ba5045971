import Foundation
import Testing
@testable import Notebook
import NotesCLI

/// `notes new`: a starter lesson that builds with no error or warning, in the course's
/// language, and never a file written over.
@Suite struct NewLessonTests {
    func course(_ language: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Notes"), withIntermediateDirectories: true)
        try "lang: \(language)\n".write(to: folder.appendingPathComponent("Notes/course.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    func options(_ folder: URL) -> BuildOptions {
        var options = BuildOptions(notesFolder: folder.appendingPathComponent("Notes"), outputFolder: folder.appendingPathComponent("Output"),
                                   displayPrefix: "Notes")
        options.cacheFolder = nil
        return options
    }

    @Test(arguments: ["pt-BR", "en"])
    func theStarterLessonBuildsCleanly(language: String) throws {
        let folder = try course(language)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = LockedLines(), err = LockedLines()
        let console = Console(out: { out.append($0) }, err: { err.append($0) })
        #expect(NewAction(options: options(folder), slug: "01-primeira").run(console: console) == 0)
        #expect(out.lines == ["Created Notes/01-primeira.md. Build it with: swift run -c release notes build --lesson 01-primeira"])
        #expect(NewAction(options: options(folder), slug: "02-segunda", title: "A \"segunda\"").run(console: console) == 0)
        let second = try String(contentsOf: folder.appendingPathComponent("Notes/02-segunda.md"), encoding: .utf8)
        #expect(second.hasPrefix("---\ntitle: \"A \\\"segunda\\\"\"\norder: 2\n"))
        let lines = LockedLines()
        let code = BuildAction(options: options(folder)).run(console: Console(out: { _ in }, err: { lines.append($0) }))
        #expect(code == 0)
        #expect(lines.lines.last?.contains("0 errors, 0 warnings; 2 claims checked, 0 failed") == true, "\(lines.lines)")
        let page = try String(contentsOf: folder.appendingPathComponent("Output/01-primeira.html"), encoding: .utf8)
        #expect(page.contains(language == "en" ? "Table 1" : "Tabela 1"))
        #expect(page.contains("class=\"footnotes\""))
    }

    @Test func neverOverwritesAndRefusesBadNames() throws {
        let folder = try course("pt-BR")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Notes/01-x.md")
        try "minha lição".write(to: file, atomically: true, encoding: .utf8)
        let err = LockedLines()
        let console = Console(out: { _ in }, err: { err.append($0) })
        #expect(NewAction(options: options(folder), slug: "01-x").run(console: console) == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == "minha lição")
        #expect(NewAction(options: options(folder), slug: "index").run(console: console) == 1)
        #expect(NewAction(options: options(folder), slug: "../fora").run(console: console) == 1)
        #expect(err.lines.count == 3 && err.lines.allSatisfy { $0.hasPrefix("error: ") })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("fora.md").path))
    }

    @Test func theTitleComesFromTheName() {
        #expect(LessonScaffold.defaultTitle("06-fluxos-normalizadores") == "Fluxos normalizadores")
        #expect(LessonScaffold.defaultTitle("intro") == "Intro")
    }
}
