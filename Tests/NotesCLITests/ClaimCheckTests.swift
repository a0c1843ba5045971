import Foundation
import Notebook
import NotebookTestSupport
import NotesCLI
import Testing

/// The acceptance case of claims: a tiny real `@Train`, one true and one false claim about it.
@Suite struct ClaimCheckTests {
    @Test func checkFailsOnExactlyTheFalseClaim() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("Notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let body = """
        # Afirmações

        ```swift-directive
        @Train(id: "v", data: .synthetic(set: .ring(components: 4), train: 256, test: 128),
               latent: 2, hidden: 16, layers: 1, batch: 64, epochs: 2, seed: 3)
        ```

        O KL é positivo`?v.test.kl > 0`, e a NELBO de teste é negativa`?v.test.nelbo < 0`.
        """
        try lessonSource(body).write(to: notes.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        let lines = LockedLines()
        let options = BuildOptions(notesFolder: notes, outputFolder: folder.appendingPathComponent("Output"), displayPrefix: "Notes")
        let code = CheckAction(options: options).run(console: Console(out: { _ in }, err: { lines.append($0) }))
        #expect(code == 1)
        let failed = lines.lines.filter { $0.contains("[claim-failed]") }
        // Line 13 of the file (5 lines of front matter); the claim's `?` is at column 64.
        #expect(failed.count == 1 && failed.first?.hasPrefix("Notes/01-a.md:13:64: error: claim 'v.test.nelbo < 0' is false") == true, "\(lines.lines)")
        #expect(lines.lines.last?.hasSuffix("2 claims checked, 1 failed") == true, "\(lines.lines.last ?? "")")
    }
}
