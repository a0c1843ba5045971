import Foundation
import Testing

/// `docs/architecture.md` names the files where each step of a build lives: every path it
/// names must exist, so the page cannot drift from the code unnoticed.
@Suite struct ArchitectureDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyPathItNamesExists() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let paths = text.matches(of: /Sources\/[A-Za-z0-9_\/+.]*[A-Za-z0-9_\/]/).map { String($0.output) }
        #expect(paths.count > 20)
        for path in Set(paths) {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path), "\(path) does not exist")
        }
    }
}
