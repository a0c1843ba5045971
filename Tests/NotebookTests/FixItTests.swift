import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Did-you-mean suggestions come with machine-readable edits; applying them fixes the lesson.
@Suite struct FixItTests {
    /// Applies every fix-it (right to left on each line, so columns stay valid).
    func apply(_ fixIts: [FixIt], to source: String) -> String {
        var lines = source.components(separatedBy: "\n")
        for fix in fixIts.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            var characters = Array(lines[fix.line - 1])
            characters.replaceSubrange((fix.column - 1)..<(fix.column - 1 + fix.length), with: Array(fix.replacement))
            lines[fix.line - 1] = String(characters)
        }
        return lines.joined(separator: "\n")
    }

    @Test func applyingTheFixItsLeavesNoError() {
        let source = lessonSource("```swift-directive\n@Trian(id: \"a\")\n@Train(id: \"b\", epoch: 3, model: .gmvea(components: 4))\n```\n")
        let lesson = Lesson(path: "Notes/t.md", source: source)
        let diagnostics = LessonPlan(lesson: lesson, registry: fakeRegistry).diagnostics
        #expect(Set(diagnostics.map(\.id)) == ["unknown-directive", "unknown-argument", "unknown-member"])
        #expect(diagnostics.allSatisfy { $0.fixIts?.count == 1 && $0.length == $0.fixIts?.first?.length })
        let fixed = apply(diagnostics.flatMap { $0.fixIts ?? [] }, to: source)
        #expect(fixed.contains("@Train(id: \"a\")") && fixed.contains("epochs: 3, model: .gmvae(components: 4)"))
        #expect(LessonPlan(lesson: Lesson(path: "Notes/t.md", source: fixed), registry: fakeRegistry).diagnostics.isEmpty)
    }

    @Test func aGuesslessMistakeHasASpanButNoEdit() {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource("```swift-directive\n@Zzzzzzzz(id: \"a\")\n```\n"))
        let diagnostic = LessonPlan(lesson: lesson, registry: fakeRegistry).diagnostics.first
        #expect(diagnostic?.id == "unknown-directive" && diagnostic?.length == 9 && diagnostic?.fixIts == nil)
    }

    @Test func fixItsTravelInTheJSONForm() throws {
        let diagnostic = Diagnostic(file: "a.md", line: 3, column: 7, id: "unknown-argument", message: "m", suggestion: "s")
            .replacing(5, with: "epochs")
        let json = String(decoding: try JSONEncoder().encode(diagnostic), as: UTF8.self)
        #expect(json.contains("\"fixIts\":[{") && json.contains("\"replacement\":\"epochs\""))
        #expect(try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8)) == diagnostic)
    }
}
