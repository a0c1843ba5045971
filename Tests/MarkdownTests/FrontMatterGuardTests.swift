import Testing
import Markdown

/// Front matter that could make decoding hang or blow up is refused with a location;
/// ordinary `&` and `*` in text are not mistaken for anchors and aliases.
struct FrontMatterGuardTests {
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
    # Texto
    """

    func frontMatterError(_ source: String) -> FrontMatterError? {
        do {
            _ = try MarkdownDocument(source: source)
            return nil
        } catch {
            return error
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func refusesAliasBombAtTheFirstAlias() throws {
        let error = try #require(frontMatterError(Self.billionLaughs))
        #expect(error.message == "YAML anchors and aliases are not allowed in front matter")
        #expect(error.location == MarkdownLocation(line: 3, column: 8))
        #expect(error.suggestion != nil)
    }

    @Test func refusesAnAnchorWithoutAlias() throws {
        let error = try #require(frontMatterError("---\ntitle: Título\nsummary: &s Olá\n---\n"))
        #expect(error.location == MarkdownLocation(line: 3, column: 10))
        #expect(error.message.contains("anchors and aliases"))
    }

    @Test func acceptsAmpersandsAndAsterisksInText() throws {
        let source = """
        ---
        title: "Tom & Jerry *a"
        summary: Tom & Jerry, 2 * 3 *x
        author: '*negrito* &amp'
        tags: ["*a", 'b & c', plain&text]
        notes: |
          *a &b
        ---
        """
        let document = try MarkdownDocument(source: source)
        #expect(document.frontMatter.title == "Tom & Jerry *a")
        #expect(document.frontMatter.summary == "Tom & Jerry, 2 * 3 *x")
        #expect(document.frontMatter.extras["author"] == "*negrito* &amp")
        #expect(document.frontMatter.extras["notes"] == "*a &b")
    }

    @Test func capsSize() throws {
        let source = "---\ntitle: T\nsummary: \"" + String(repeating: "x", count: 70_000) + "\"\n---\n"
        let error = try #require(frontMatterError(source))
        #expect(error.location == MarkdownLocation(line: 2, column: 1))
        #expect(error.message.contains("65536"))
    }

    @Test(.timeLimit(.minutes(1)))
    func capsNesting() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(frontMatterError("---\nx: " + deep + "\n---\n"))
        #expect(error.message.contains("levels deep"))
        #expect(error.line == 2)
        #expect(try MarkdownDocument(source: "---\nx: [[[[1]]]]\n---\n").frontMatter.extras["x"] != nil)
    }

    @Test func listsEntriesWithKeyAndValueLocations() throws {
        let source = "---\ntitle: Olá\n  # comment\nação: \"x\"\nlang:\n---\nTexto.\n"
        let entries = try MarkdownDocument(source: source).frontMatterEntries
        #expect(entries == [
            FrontMatterEntry(key: "title", keyLocation: MarkdownLocation(line: 2, column: 1),
                             valueLocation: MarkdownLocation(line: 2, column: 8)),
            FrontMatterEntry(key: "ação", keyLocation: MarkdownLocation(line: 4, column: 1),
                             valueLocation: MarkdownLocation(line: 4, column: 7)),
            FrontMatterEntry(key: "lang", keyLocation: MarkdownLocation(line: 5, column: 1),
                             valueLocation: MarkdownLocation(line: 5, column: 1)),
        ])
    }

    @Test func reportsBlankBodies() throws {
        #expect(try MarkdownDocument(source: "---\ntitle: T\n---\n\n  \n").bodyIsBlank)
        #expect(try MarkdownDocument(source: "").bodyIsBlank)
        #expect(try !MarkdownDocument(source: "---\ntitle: T\n---\nx").bodyIsBlank)
    }
}
