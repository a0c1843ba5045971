import Foundation
import Testing
@testable import Notebook
@testable import NotesCLI
import NotebookTestSupport

/// What a terminal shows: diagnostics with their source line and a caret, GitHub annotations
/// for CI, and the live bars of a build.
@Suite struct TerminalOutputTests {
    let diagnostic: Diagnostic = {
        var d = Diagnostic(file: "Notes/05-gmvae.md", line: 42, column: 17, id: "unknown-argument",
                           message: "unknown argument 'epoch' for @Train", suggestion: "did you mean 'epochs'?")
        d.length = 5
        return d
    }()

    @Test func aSnippetPutsACaretUnderTheSpan() {
        let lines = SourceSnippets.render(line: "@Train(id: \"a\", epoch: 5)", number: 42, column: 17, length: 5)
        #expect(lines == [" 42 | @Train(id: \"a\", epoch: 5)",
                          "    | " + String(repeating: " ", count: 16) + "\u{1B}[1;32m^~~~~\u{1B}[0m"])
        // Tabs become spaces so the caret lines up; a span never runs past the line.
        #expect(SourceSnippets.render(line: "\tab", number: 3, column: 2, length: 9)[1] == "   |  \u{1B}[1;32m^~\u{1B}[0m")
        // Lesson text cannot drive the terminal.
        #expect(SourceSnippets.render(line: "x\u{1B}]52;c;AAAA\u{07}", number: 1, column: 1, length: nil)[0].contains("\\u{1b}"))
    }

    @Test func onATerminalDiagnosticsShowTheirSourceLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("notes-snippet-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "um\ndois erro\ntrês\n".write(toFile: file, atomically: true, encoding: .utf8)
        var d = Diagnostic(file: file, line: 2, column: 6, id: "x-y", message: "a \u{1B}[31m b")
        d.length = 4
        let written = LockedLines()
        DiagnosticFormat.text.print([d], to: Console(out: { _ in }, err: { _ in }, terminal: { written.append($0) }))
        let text = written.lines.joined()
        #expect(text.contains(" 2 | dois erro\n   |      \u{1B}[1;32m^~~~\u{1B}[0m"))
        #expect(text.contains("a \\u{1b}[31m b"), "the message's escape is shown, not obeyed")
        // Off a terminal: the plain line only.
        let plain = LockedLines()
        DiagnosticFormat.text.print([d], to: Console(out: { _ in }, err: { plain.append($0) }))
        #expect(plain.lines == [d.description])
    }

    @Test func githubAnnotationsCarryTheLocationAndEscapeTheirText() {
        #expect(DiagnosticFormat.workflowCommand(diagnostic)
            == "::error file=Notes/05-gmvae.md,line=42,col=17,endColumn=22,title=unknown-argument::unknown argument 'epoch' for @Train; did you mean 'epochs'?")
        let odd = Diagnostic(.warning, file: "Notes/a,b:c.md", line: 1, column: 1, id: "broken-link", message: "100% sure\nreally")
        #expect(DiagnosticFormat.workflowCommand(odd) == "::warning file=Notes/a%2Cb%3Ac.md,line=1,col=1,title=broken-link::100%25 sure%0Areally")
    }

    @Test func barsAndClocks() {
        #expect(ProgressDisplay.bar(0, cells: 4) == "▕░░░░▏")
        #expect(ProgressDisplay.bar(0.5, cells: 4) == "▕██░░▏")
        #expect(ProgressDisplay.bar(0.56, cells: 4) == "▕██▏░▏")
        #expect(ProgressDisplay.bar(1, cells: 4) == "▕████▏")
        #expect(ProgressDisplay.bar(.nan, cells: 2) == "▕░░▏")
        #expect([7, 760, 3723].map { ProgressDisplay.clock(Double($0)) } == ["0:07", "12:40", "1:02:03"])
    }

    @Test func theDisplayShowsEachRunningDirectiveAndTheCount() {
        let now = Date()
        let snapshot = BuildMonitor.Snapshot(total: 24, finished: 5, running: [
            .init(label: "@Train vae · 02-treinamento-vae", started: now - 10, fraction: 0.25, latest: "época 2/5"),
            .init(label: "@Evaluate folga · 02-treinamento-vae", started: now - 3, fraction: nil, latest: ""),
        ], started: now - 62)
        let lines = ProgressDisplay.lines(snapshot, width: 200, now: now)
        #expect(lines == [
            "  ▕█████░░░░░░░░░░░░░░░▏  25% 0:10 · ETA 0:30  @Train vae · 02-treinamento-vae — época 2/5",
            "  ▕░░░░░░░░░░░░░░░░░░░░▏   … 0:03  @Evaluate folga · 02-treinamento-vae",
            "▕████▏░░░░░░░░░░░░░░░▏ 5/24 directives · 2 computing · 1:02",
        ])
        #expect(ProgressDisplay.lines(snapshot, width: 30, now: now).allSatisfy { $0.count < 30 }, "no line wraps")
    }

    @Test func withAMonitorTheRunnerReportsToItInsteadOfPrintingChatter() throws {
        let lesson = Lesson(path: "Notes/01-a.md", source: lessonSource("""
        ```swift-directive
        @Train(id: "a")
        @Train(id: "b")
        @Evaluate(of: [a, b])
        ```
        """))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let lines = LockedLines()
        var runner = LessonRunner(progress: { lines.append($0) })
        let monitor = BuildMonitor()
        runner.monitor = monitor
        let outcomes = runner.run(plan, lesson: lesson)
        #expect(outcomes.values.allSatisfy { $0.result != nil })
        let snapshot = monitor.snapshot
        let counts: [Int] = [snapshot.total, snapshot.finished, snapshot.running.count]
        #expect(counts == [plan.directives.count, plan.directives.count, 0] && plan.directives.count >= 2)
        #expect(lines.lines.isEmpty, "\(lines.lines)")
        // Without one, the plain lines.
        let plain = LockedLines()
        _ = LessonRunner(progress: { plain.append($0) }).run(plan, lesson: lesson)
        #expect(plain.lines.contains { $0.hasSuffix("running…") })
    }
}
