import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Front matter problems: unknown keys, a malformed `lang`, empty lessons, alias bombs.
@Suite struct LessonInputFrontMatterTests {
    func lesson(_ source: String) -> Lesson { Lesson(path: "Notes/t.md", source: source) }

    @Test func unknownKeysAreWarningsWithDidYouMean() {
        let l = lesson("---\ntilte: Treino\norder: 1\n  # comentário\nSummary: Resumo\nautor: Ana\n---\n\nTexto.\n")
        #expect(positions(l.diagnostics) == ["unknown-front-matter-key@2:1", "unknown-front-matter-key@5:1",
                                             "unknown-front-matter-key@6:1"])
        #expect(l.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(l.diagnostics.map(\.suggestion) == ["did you mean 'title'?", "did you mean 'summary'?",
                                                    "did you mean 'author'?"])
        #expect(l.title == "t")
        #expect(l.order == 1)
    }

    @Test func knownKeysGiveNoDiagnostics() {
        let l = lesson("---\ntitle: T\norder: 3\nsummary: S\nlang: en-US\nauthor: Ana Souza\ndate: 2026-12-07\n---\nTexto.\n")
        #expect(l.diagnostics.isEmpty)
        #expect(l.language == "en-US")
    }

    static let badLanguages: [(value: String, column: Int, suggestion: String?)] = [
        ("pt_BR", 7, "did you mean 'pt-BR'?"),
        ("português", 7, nil),
        ("\"e\"", 7, nil),
        ("pt-", 7, nil),
        ("'en US'", 7, nil),
        ("english-language-tag", 7, nil),
        ("123", 7, nil),
    ]

    @Test(arguments: badLanguages)
    func invalidLangIsAnErrorAtTheValueAndFallsBack(value: String, column: Int, suggestion: String?) {
        let l = lesson("---\ntitle: T\nlang: \(value)\n---\nTexto.\n")
        #expect(positions(l.diagnostics) == ["invalid-lang@3:\(column)"])
        #expect(l.diagnostics.first?.severity == .error)
        if let suggestion { #expect(l.diagnostics.first?.suggestion == suggestion) }
        #expect(l.diagnostics.first?.suggestion != nil)
        #expect(l.language == "en")
    }

    @Test(arguments: ["pt-BR", "en", "en-US", "zh-Hant-TW", "es-419", "de-CH-1901", "ast"])
    func wellFormedLanguagesAreUsed(tag: String) {
        let l = lesson("---\nlang: \(tag)\n---\nTexto.\n")
        #expect(l.diagnostics.isEmpty)
        #expect(l.language == tag)
    }

    @Test(arguments: ["", "\n\n  \n", "---\ntitle: T\n---\n", "---\ntitle: T\n---\n\n \t\n", "\u{FEFF}\r\n"])
    func emptyLessonIsAWarningAtTheStart(source: String) {
        let l = lesson(source)
        #expect(positions(l.diagnostics) == ["empty-lesson@1:1"])
        #expect(l.diagnostics.first?.severity == .warning)
    }

    @Test func brokenFrontMatterIsNotAlsoAnEmptyLesson() {
        #expect(positions(lesson("---\ntitle: T\n").diagnostics) == ["front-matter@1:1"])
    }

    static let billionLaughs = """
    ---
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    ---

    # Bomba

    Texto.
    """

    /// A few hundred bytes that expand to 9⁹ strings if aliases are followed: refused at the
    /// first alias, and the body still renders. The time limit is only a safety net.
    @Test(.timeLimit(.minutes(1)))
    func aliasBombIsRefusedQuickly() {
        let l = Lesson(path: "Notes/t.md", data: Data(Self.billionLaughs.utf8))
        #expect(positions(l.diagnostics) == ["front-matter@3:8"])
        #expect(l.diagnostics.first?.message == "YAML anchors and aliases are not allowed in front matter")
        #expect(l.title == "Bomba")
        #expect(l.document.renderHTML().contains("Texto."))
    }

    @Test(.timeLimit(.minutes(1)))
    func oversizedAndDeepFrontMatterAreRefused() {
        let big = lesson("---\ntitle: \"" + String(repeating: "a", count: 100_000) + "\"\n---\nTexto.\n")
        #expect(positions(big.diagnostics) == ["front-matter@2:1"])
        let deep = lesson("---\ntitle: T\nx:" + String(repeating: " [", count: 5_000) + "\n---\nTexto.\n")
        #expect(deep.diagnostics.map(\.id) == ["front-matter"])
        #expect(deep.diagnostics.first?.line == 3)
    }
}
