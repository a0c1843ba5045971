import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Seeded fuzzing of whole lesson files: random front matter and bodies built from the
/// pieces that break parsers (delimiters, fences of every length, `$`, YAML punctuation,
/// anchors, CR/LF, byte-order marks, bytes that are not UTF-8, long lines). Every case must
/// return, and every diagnostic must point inside the file.
///
/// 300 cases by default; set `NOTES_FUZZ_CASES` for more (`NOTES_FUZZ_CASES=100000 swift test
/// --filter LessonInputFuzz`).
@Suite struct LessonInputFuzzTests {
    static let cases = ProcessInfo.processInfo.environment["NOTES_FUZZ_CASES"].flatMap { Int($0) } ?? 300

    static let yamlKeys = ["title", "order", "summary", "lang", "tilte", "Lang", "autor", "ação", "? x", "- a", "&k k", "*a", ""]
    static let yamlValues = [
        "pt-BR", "pt_BR", "en", "português", "\"Título: $x$\"", "'it''s'", "12", "-3", "abc", "~", "",
        "[a, b]", "{a: 1}", "[", "&a x", "*a", "&b [*a, *a]", "!!str 1", "|\n  bloco\n  ", ">", "\"aberta",
        "Tom & Jerry", "2 * 3", "# só comentário", "ção 🙂", "\t", "---", "...",
    ]

    /// YAML punctuation and strays, mixed into front-matter lines.
    static let yamlPieces: [[UInt8]] = [":", ": ", "- ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "!x ", "|", ">",
                                        "#", "'", "\"", "\\", "%YAML 1.2", " ", "\t", "\r", "\n  "]
        .map { Array($0.utf8) }

    static let bodyPieces: [[UInt8]] = ([
        "---", "...", "```", "````", "~~~", "~~~~~", "```swift-directive", "```Swift-Directive",
        "```swift_directive", "```python", "$", "$$", "\\$", "$x$", "$$\\sum_k$$", "`", "``",
        "@Train(id: \"a\")", "@Evaluate(of: [\"a\"])", "@Trian(", "@fig-a", "# ", "## Título",
        "> ", "- ", "1. ", "   ", "    ", "\t", "| a | b |", "|---|---|", "<div>", "</div>", "<!--",
        "*", "_", "[x](y)", "ção", "👨‍👩‍👧", "e\u{301}", "&", ":", "\n", "\n", "\n", "\n\n", "\r\n",
        "\r", "texto ", "?`a.b < 1`",
    ].map { Array($0.utf8) }) + [Array(String(repeating: "x$", count: 3_000).utf8),
                                 Array(String(repeating: "`", count: 200).utf8)]

    /// Bytes that are not UTF-8 (and a BOM and NUL, which are), added to one case in four.
    static let badBytes: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                      [0xC0, 0xAF], [0xEF, 0xBB, 0xBF], [0x00]]

    static func generate(_ random: inout DirectiveFuzzGenerator) -> [UInt8] {
        func one<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }
        let newline: [UInt8] = one([[0x0A], [0x0D, 0x0A], [0x0D]])
        var bytes: [UInt8] = chance(4) ? [0xEF, 0xBB, 0xBF] : []
        if !chance(3) {
            bytes += Array("---".utf8) + newline
            for _ in 0..<(random.next() % 8) {
                var line = Array((chance(5) ? "  " : "").utf8) + Array(one(yamlKeys).utf8) + Array(": ".utf8)
                    + Array(one(yamlValues).utf8)
                if chance(3) { line.insert(contentsOf: one(yamlPieces), at: Int(random.next() % UInt64(line.count + 1))) }
                bytes += line + newline
            }
            if !chance(5) { bytes += Array((chance(4) ? "..." : "---").utf8) + newline }
        }
        for _ in 0..<(random.next() % 80) { bytes += one(bodyPieces) }
        if chance(4) {
            let bad = one(badBytes)
            bytes.insert(contentsOf: bad, at: Int(random.next() % UInt64(bytes.count + 1)))
        }
        return bytes
    }

    /// The file's lines as an editor shows them (BOM dropped, any line ending), lossily decoded.
    static func lines(of bytes: [UInt8]) -> [String] {
        let text = String(decoding: LessonText.normalized(bytes), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(.timeLimit(.minutes(10)))
    func lessonsNeverCrashAndDiagnosticsStayInTheFile() {
        var random = DirectiveFuzzGenerator(seed: 0x1E55_0000)
        var failures: [String] = []
        var diagnosticsSeen = 0
        for index in 0..<Self.cases {
            let bytes = Self.generate(&random)
            let lesson = Lesson(path: "Notes/f.md", data: Data(bytes))
            let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
            _ = lesson.document.renderHTML()
            _ = (lesson.title, lesson.language, lesson.summary)
            let lines = Self.lines(of: bytes)
            // Every diagnostic points at a character of the file (or just past a line's end);
            // `empty-block` sits at its block's opening fence.
            for diagnostic in lesson.diagnostics + plan.diagnostics {
                diagnosticsSeen += 1
                let line = diagnostic.line
                let inside = line >= 1 && line <= lines.count && diagnostic.column >= 1
                    && diagnostic.column <= lines[line - 1].count + 1
                if !inside, failures.count < 10 {
                    failures.append("case \(index): \(diagnostic) in \(bytes.count) bytes: \(Array(bytes.prefix(300)))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(diagnosticsSeen > 0)
    }

    @Test func generatorIsDeterministic() {
        var a = DirectiveFuzzGenerator(seed: 7), b = DirectiveFuzzGenerator(seed: 7)
        #expect((0..<20).map { _ in Self.generate(&a) } == (0..<20).map { _ in Self.generate(&b) })
    }
}
