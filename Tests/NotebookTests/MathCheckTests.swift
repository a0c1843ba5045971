import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Bad TeX is caught at build time by KaTeX under node (CI installs Debian's nodejs; without
/// it the check is skipped and the browser check catches what it would have).
@Suite struct MathCheckTests {
    static let katex = BuildOptions(notesFolder: URL(fileURLWithPath: "/"), outputFolder: URL(fileURLWithPath: "/")).katexFolder
    static var available: Bool { MathCheck(katexFolder: katex).available }

    @Test(.enabled(if: available, "needs node (Debian's nodejs) and libjs-katex"))
    func badFormulasAreErrorsAtTheOffendingCharacter() throws {
        let lesson = Lesson(path: "Notes/01-a.md", source: lessonSource("""
        Um $\\alpah + 1$ e $x^2$ ok.

        $$
        \\begin{aligned} a &= b
        $$
        """))
        let (found, note) = MathCheck(katexFolder: Self.katex).diagnostics(for: [lesson])
        #expect(note == nil)
        let diagnostics = found["Notes/01-a.md"] ?? []
        #expect(positions(diagnostics) == ["math-error@6:5", "math-error@8:1"])
        #expect(diagnostics.first?.message.contains("Undefined control sequence: \\alpah") == true)
        #expect(diagnostics.last?.message.contains("(at the end of the formula)") == true)
    }

    @Test(.enabled(if: available, "needs node (Debian's nodejs) and libjs-katex"))
    func theCoursesFormulasAllRender() throws {
        let notes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Notes")
        let lessons = try LessonLoader.loadAll(from: notes, displayPrefix: "Notes").lessons
        #expect(lessons.flatMap(\.document.math).count > 100)
        let (found, note) = MathCheck(katexFolder: Self.katex).diagnostics(for: lessons)
        #expect(note == nil && found.isEmpty, "\(found)")
    }

    @Test func withoutNodeTheCheckIsSkippedQuietly() {
        let check = MathCheck(katexFolder: Self.katex, folders: ["/nonexistent"])
        #expect(!check.available)
        let lesson = Lesson(path: "Notes/01-a.md", source: lessonSource("$\\alpah$\n"))
        let (found, note) = check.diagnostics(for: [lesson])
        #expect(found.isEmpty && note == nil)
    }
}
