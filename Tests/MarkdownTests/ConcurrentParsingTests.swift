import Testing
import Markdown

/// cmark-gfm keeps process-wide state; documents parsed from many tasks at once must agree.
struct ConcurrentParsingTests {
    @Test func parsesFromManyTasksAtOnce() async throws {
        let source = "# Título\n\n| a | ~~b~~ |\n| - | - |\n| $q(z|x)$ | www.example.com |\n"
        let expected = try MarkdownDocument(source: source).renderHTML()
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<32 {
                group.addTask { try? MarkdownDocument(source: source).renderHTML() }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == expected })
    }
}
