import Foundation
import Notebook
import NotebookTestSupport
import NotesCLI
import Testing

/// Lessons folders with one bad file among good ones: the bad file gets a diagnostic at
/// file:line:column, every other lesson is still built, the exit code is 1 (never 2), and
/// nothing unescaped reaches a page or the terminal.
@Suite struct HostileLessonTests {
    final class Course {
        let url: URL
        var notes: URL { url.appendingPathComponent("Notes") }
        var output: URL { url.appendingPathComponent("Output") }
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("notes-lessons-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url.appendingPathComponent("Notes"), withIntermediateDirectories: true)
            try write("lang: pt-BR\n", "course.yml")
            try write(lessonSource(title: "Boa", order: 1, "# Boa\n\n```swift-directive\n@Train(id: \"ok\")\n```\n"), "01-boa.md")
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ text: String, _ name: String) throws { try write(Data(text.utf8), name) }
        func write(_ data: Data, _ name: String) throws { try data.write(to: notes.appendingPathComponent(name)) }

        /// Builds with the fake registry: exit code, diagnostics printed, all stderr lines.
        func build() -> (code: Int32, lines: [String]) {
            let lines = LockedLines()
            let options = BuildOptions(notesFolder: notes, outputFolder: output, displayPrefix: "Notes")
            let code = BuildAction(options: options, registry: fakeRegistry)
                .run(console: Console(out: { _ in }, err: { lines.append($0) }))
            return (code, lines.lines)
        }

        func page(_ name: String) -> String? { try? String(contentsOf: output.appendingPathComponent(name), encoding: .utf8) }
    }

    /// (case, how to make the bad file, the diagnostic id expected for it)
    nonisolated(unsafe) static let cases: [(String, (Course) throws -> Void, String)] = [
        ("non-UTF-8 bytes", { try $0.write(Data("---\ntitle: X\n---\n# Ol".utf8) + Data([0xE1, 0x0A]), "02-latin1.md") }, "invalid-encoding"),
        ("CRLF front matter with a typo", { try $0.write("---\r\ntitle: X\r\norder: 2\r\n---\r\n```swift-directive\r\n@Train(id: \"c\", epoch: 2)\r\n```\r\n", "02-crlf.md") }, "unknown-argument"),
        ("unclosed fence", { try $0.write(lessonSource(order: 2, "```swift-directive\n@Train(id: \"u\")\n\nMais texto.\n"), "02-aberto.md") }, "unclosed-fence"),
        ("YAML alias bomb", { try $0.write("---\na: &a [\"x\",\"x\"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: &e [*d,*d]\nf: &f [*e,*e]\ng: &g [*f,*f]\nh: &h [*g,*g]\ni: [*h,*h]\n---\n# X\n", "02-bomba.md") }, "front-matter"),
        ("folder named .md", { try FileManager.default.createDirectory(at: $0.notes.appendingPathComponent("02-pasta.md"), withIntermediateDirectories: true) }, "not-a-lesson"),
        ("dangling link", { try FileManager.default.createSymbolicLink(atPath: $0.notes.appendingPathComponent("02-link.md").path, withDestinationPath: "/nonexistent/x.md") }, "unreadable-lesson"),
        ("240-character name", { try $0.write("# X\n", String(repeating: "a", count: 240) + ".md") }, "invalid-lesson-name"),
        ("index.md", { try $0.write("# Índice\n", "index.md") }, "invalid-lesson-name"),
        ("quote in the name", { try $0.write("# X\n", "p\" onerror=\"alert(1).md") }, "invalid-lesson-name"),
        ("javascript: name", { try $0.write("# X\n", "javascript:alert(1).md") }, "invalid-lesson-name"),
        ("space in the name", { try $0.write("# X\n", "aula 2.md") }, "invalid-lesson-name"),
        ("upper-case extension", { try $0.write("# X\n", "02-x.MD") }, "invalid-lesson-name"),
        ("10 000-character id", { try $0.write(lessonSource(order: 2, "```swift-directive\n@Train(id: \"\(String(repeating: "x", count: 10_000))\")\n```\n"), "02-longo.md") }, "invalid-identifier"),
        ("id with ESC and OSC 52", { try $0.write(lessonSource(order: 2, "```swift-directive\n@Train(id: \"a\u{1B}]52;c;aGk=\u{07}b\")\n```\n"), "02-esc.md") }, "invalid-identifier"),
        ("label with a quote", { try $0.write(lessonSource(order: 2, "```swift-directive\n@Evaluate(of: [], label: \"fig-\\\"x\")\n```\n"), "02-label.md") }, "invalid-identifier"),
        ("duplicate labels", { try $0.write(lessonSource(order: 2, "```swift-directive\n@Evaluate(of: [], label: \"fig-a\")\n@Evaluate(of: [], label: \"fig-a\")\n```\n"), "02-dup.md") }, "duplicate-label"),
    ]

    @Test(arguments: cases.indices)
    func oneBadFileNeverHidesTheOthers(index: Int) throws {
        let (name, make, expectedID) = Self.cases[index]
        let course = try Course()
        try make(course)
        let (code, lines) = course.build()
        // A folder named `*.md` is only a warning; everything else is an error of its lesson.
        #expect(code == (expectedID == "not-a-lesson" ? 0 : 1), "\(name): exit \(code)")
        let diagnostic = lines.first { $0.contains("[\(expectedID)]") }
        #expect(diagnostic != nil, "\(name): no \(expectedID) in \(lines)")
        // file:line:column, a message, and (for errors) something to do.
        if let diagnostic {
            #expect(diagnostic.wholeMatch(of: /Notes\/.+:\d+:\d+: (error|warning): .+ \[[a-z-]+\]/) != nil, "\(name): \(diagnostic)")
            #expect(diagnostic.count < 1_000, "\(name): a diagnostic should not repeat a huge name")
        }
        // The good lesson is built, and so is the index.
        #expect(course.page("01-boa.html")?.contains("Tabela 1") == true, "\(name)")
        #expect(course.page("index.html") != nil)
        for page in (try? FileManager.default.contentsOfDirectory(atPath: course.output.path)) ?? [] where page.hasSuffix(".html") {
            let html = course.page(page) ?? ""
            #expect(!html.contains("onerror=") && !html.contains("href=\"javascript:"), "\(name): injected into \(page)")
        }
    }

    @Test func controlCharactersAreEscapedOnTheTerminal() {
        let raw = "id \u{1B}]52;c;aGk=\u{07} e \u{1B}[2J\r\u{202E}fim"
        let shown = TerminalText.escaped(raw)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(shown.contains("\\u{1b}]52;c;aGk=\\u{7}"))
        #expect(TerminalText.escaped("linha 1\nlinha 2\tcom tab", keepingNewlines: true) == "linha 1\nlinha 2\tcom tab")
        #expect(TerminalText.escaped("olá, ç") == "olá, ç")
    }

    @Test func summaryCountsWarningsAndSpeaksInSingular() throws {
        let course = try Course()
        try FileManager.default.createDirectory(at: course.notes.appendingPathComponent("02-pasta.md"), withIntermediateDirectories: true)
        let (code, lines) = course.build()
        #expect(code == 0, "a folder named .md is a warning only")
        let summary = lines.last ?? ""
        #expect(summary.contains("1 lesson (1 directive: 1 computed, 0 from the cache, 0 frozen)"), "\(summary)")
        #expect(summary.hasSuffix("0 errors, 1 warning"), "\(summary)")
    }

    @Test func strictCheckFailsOnWarnings() throws {
        let course = try Course()
        try FileManager.default.createDirectory(at: course.notes.appendingPathComponent("02-pasta.md"), withIntermediateDirectories: true)
        let options = BuildOptions(notesFolder: course.notes, outputFolder: course.output, displayPrefix: "Notes")
        let quiet = Console(out: { _ in }, err: { _ in })
        #expect(CheckAction(options: options, registry: fakeRegistry).run(console: quiet) == 0)
        #expect(CheckAction(options: options, registry: fakeRegistry, strict: true).run(console: quiet) == 1)
        #expect(!FileManager.default.fileExists(atPath: course.output.path), "check never writes the output folder")
    }
}
