import Foundation
import Notebook
import NotebookTestSupport
import NotesCLI
import Testing

/// Seeded fuzzing of whole builds: random lesson file names, front matter and directive
/// text, built with the fake registry. Every build must return (exit 0 or 1, never 2), put
/// every diagnostic at a real position, write nothing outside the output folder, and leave
/// no unescaped name in an attribute. 40 cases by default; `NOTES_FUZZ_CASES=N` for more.
@Suite struct BuildFuzzTests {
    static var caseCount: Int {
        ProcessInfo.processInfo.environment["NOTES_FUZZ_CASES"].flatMap(Int.init) ?? 40
    }

    static let nameAlphabet: [String] = ["a", "Z", "0", "-", "_", ".", " ", "\"", "'", "<", ">", "&", ":", "%", "#",
                                         "?", "=", "(", ")", "ç", "é", "\u{1B}", "\u{7}", "\u{202E}", "javascript:", "onerror="]
    static let directivePieces: [String] = [
        "@Train(", "@Evaluate(", "@Fail(", "@Trian(", "id: ", "of: ", "label: ", "caption: ", "epochs: ", "model: ",
        "\"", "\"fig-a\"", "\"tab-b\"", "\"x\"", "[", "]", "(", ")", ",", ".gmvae(components: ", ".vae", "1_000", "1e309",
        "-1", "99999999999999999999", "\\u{1B}", "\\", "\n", "//", "@", ":", " ", "\u{0}", "ü", "timeout: ", "true",
    ]
    static let frontPieces: [String] = [
        "---\n", "title: ", "order: ", "lang: ", "summary: ", "tilte: ", "&a ", "*a ", "[", "]", "{", "}", "\"", "'",
        "\n", "  ", "- ", ": ", "pt-BR", "1", "x", "|", ">", "\r\n", "#",
    ]

    func pick<G: RandomNumberGenerator>(_ pieces: [String], _ count: ClosedRange<Int>, _ g: inout G) -> String {
        (0..<Int.random(in: count, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    @Test func randomCoursesAlwaysBuild() throws {
        var generator = SplitMix64(seed: 20261202)
        for trial in 0..<Self.caseCount {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-fuzz-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let notes = root.appendingPathComponent("Notes")
            try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
            var names: [String] = []
            for lesson in 0..<Int.random(in: 1...3, using: &generator) {
                var name = pick(Self.nameAlphabet, 1...12, &generator).replacingOccurrences(of: "/", with: "")
                if name.utf8.count > 200 { name = String(name.prefix(50)) }
                name = "\(lesson)\(name).md"
                names.append(name)
                var text = ""
                if Bool.random(using: &generator) { text += "---\n" + pick(Self.frontPieces, 0...20, &generator) + "\n---\n" }
                text += "# Lição\n\nTexto `=x.y` e @fig-a.\n\n```swift-directive\n"
                text += pick(Self.directivePieces, 1...30, &generator)
                text += Bool.random(using: &generator) ? "\n```\n" : "\n"
                let written = FileManager.default.createFile(atPath: notes.appendingPathComponent(name).path,
                                                             contents: Data(text.utf8))
                if !written { names.removeLast() }
            }
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: notes.path))
            let lines = LockedLines()
            let options = BuildOptions(notesFolder: notes, outputFolder: root.appendingPathComponent("Output"),
                                       displayPrefix: "Notes")
            let code = BuildAction(options: options, registry: fakeRegistry)
                .run(console: Console(out: { _ in }, err: { lines.append($0) }))
            #expect(code == 0 || code == 1, "trial \(trial) (\(names)): exit \(code): \(lines.lines.suffix(3))")
            // Nothing written beside the lessons or next to the two folders.
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: notes.path)) == before)
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["Notes", "Output"])
            for line in lines.lines {
                if let match = line.firstMatch(of: #/^Notes\/.*?:(\d+):(\d+): (error|warning): /#) {
                    #expect(Int(match.1)! >= 1 && Int(match.2)! >= 1, "trial \(trial): \(line)")
                }
            }
            try checkAttributes(in: root.appendingPathComponent("Output"), trial: trial)
        }
    }

    /// Every `href`/`src` in every page is a relative, percent-encoded URL or an anchor.
    func checkAttributes(in output: URL, trial: Int) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where name.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            for match in html.matches(of: /(?:href|src)="([^"]*)"/) {
                let value = String(match.1)
                #expect(!value.lowercased().hasPrefix("javascript"), "trial \(trial): \(value) in \(name)")
                #expect(!value.contains("<") && !value.contains(">") && !value.contains(" "), "trial \(trial): \(value) in \(name)")
            }
            #expect(!html.contains("onerror="), "trial \(trial): injected attribute in \(name)")
        }
    }
}
