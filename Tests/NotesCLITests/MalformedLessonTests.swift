import Foundation
import Notebook
import NotebookTestSupport
import NotesCLI
import Testing

/// The acceptance case of the engine: twelve different mistakes in one lesson give twelve
/// diagnostics at the right line:column, exit code 1, error boxes, and the valid blocks render.
@Suite struct MalformedLessonTests {
    /// (line of the lesson body, expected `id@line:column`); front matter takes lines 1–5.
    static let lesson: [(String, String?)] = [
        ("## Erros", nil),                                                   // 6
        ("", nil),                                                           // 7
        ("```swift-directive", nil),                                         // 8
        ("@Train(id: \"ok\", epochs: 3, caption: \"Válido.\")", nil),        // 9
        ("```", nil),                                                        // 10
        ("", nil),                                                           // 11
        ("```swift-directive", nil),                                         // 12
        ("@Trian(id: \"a\")", "unknown-directive@13:1"),                     // 13
        ("@Train(id: \"b\", epoch: 3)", "unknown-argument@14:17"),           // 14
        ("@Train(epochs: 3)", "missing-argument@15:1"),                      // 15
        ("@Train(id: \"c\", epochs: \"três\")", "wrong-type@16:25"),         // 16
        ("@Train(id: \"d\", epochs: 1_0.)", "malformed-number@17:25"),       // 17
        ("@Train(id: \"e\", model: .gmvea)", "unknown-member@18:24"),        // 18
        ("@Train(id: \"ok\")", "duplicate-id@19:12"),                        // 19
        ("@Evaluate(of: [\"ok\", \"zz\"])", "unknown-id@20:22"),             // 20
        ("Train(id: \"f\")", "unexpected-text@21:1"),                        // 21
        ("@Train(id: \"g\") extra", "trailing-text@22:17"),                  // 22
        ("```", nil),                                                        // 23
        ("", nil),                                                           // 24
        ("```swift-directive", nil),                                         // 25
        ("@Train(id: \"h\", caption: \"sem fim)", "unterminated-string@26:26"), // 26
        ("```", nil),                                                        // 27
        ("", nil),                                                           // 28
        ("```swift-directive", nil),                                         // 29
        ("@Train(id: \"i\",", "unbalanced-parentheses@30:7"),                // 30
        ("       epochs: 2", nil),                                           // 31
        ("```", nil),                                                        // 32
        ("", nil),                                                           // 33
        ("```swift-directive", nil),                                         // 34
        ("@Evaluate(of: [\"ok\"], caption: \"Também válido.\")", nil),       // 35
        ("```", nil),                                                        // 36
    ]

    @Test func twelveMistakesTwelveDiagnostics() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-malformed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("Notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let body = Self.lesson.map(\.0).joined(separator: "\n") + "\n"
        try lessonSource(title: "Erros", body).write(to: notes.appendingPathComponent("01-erros.md"), atomically: true, encoding: .utf8)

        let errors = LockedLines()
        let options = BuildOptions(notesFolder: notes, outputFolder: folder.appendingPathComponent("Output"), displayPrefix: "Notes")
        let code = BuildAction(options: options, registry: fakeRegistry)
            .run(console: Console(out: { _ in }, err: { errors.append($0) }))
        #expect(code == 1)

        let expected = Self.lesson.compactMap(\.1)
        #expect(expected.count == 12)
        let printed = errors.lines.filter { $0.hasPrefix("Notes/01-erros.md:") }
        let found = printed.compactMap { line -> String? in
            // Notes/01-erros.md:14:17: error: … [unknown-argument]
            let parts = line.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, let id = line.split(separator: "[").last?.dropLast() else { return nil }
            return "\(id)@\(parts[1]):\(parts[2])"
        }
        #expect(found == expected)

        let page = try String(contentsOf: folder.appendingPathComponent("Output/01-erros.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "class=\"directive-error\"").count - 1 == 12)
        #expect(page.contains("Table 1.</span> Válido."))
        // `@Train(id: "g") extra` still runs: the trailing text is reported, the call itself is whole.
        #expect(page.contains("Table 3.</span> Também válido."))
    }
}

/// Lines collected from a console, safe to append from any thread.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ line: String) { lock.lock(); storage.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}
