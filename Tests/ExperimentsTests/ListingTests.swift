import Foundation
import Testing
import Notebook
@testable import Experiments

/// `@Listing`: excerpts of the course's own sources, found by declaration or by markers,
/// whose key changes when the excerpt does.
@Suite struct ListingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let source = """
    import Foundation

    /// A prior.
    struct Prior {
        let count: Int

        /// The log-density, with "{" in a string and a } in a comment.
        @inlinable
        func logDensity(_ z: [Double]) -> Double {
            let brace = "}" // }
            if z.isEmpty { return 0 }
            return Double(brace.count)
        }

        var name: String { "prior" }
    }

    func logDensity() {}

    // listing: steps
    let a = 1
        let b = 2
    // end listing: steps
    """

    @Test func findsADeclarationWithItsDocCommentUpToItsClosingBrace() throws {
        let excerpt = try SourceExcerpt.declaration("Prior.logDensity", in: Self.source)
        #expect((excerpt.firstLine, excerpt.lastLine) == (7, 13))
        #expect(excerpt.code.hasPrefix("/// The log-density, with \"{\" in a string and a } in a comment.\n@inlinable\nfunc logDensity("))
        #expect(excerpt.code.hasSuffix("    return Double(brace.count)\n}"))
        #expect(try SourceExcerpt.declaration("Prior.count", in: Self.source).code == "let count: Int")
        #expect(try SourceExcerpt.declaration("Prior.name", in: Self.source).code == "var name: String { \"prior\" }")
        #expect(try SourceExcerpt.declaration("Prior", in: Self.source).lastLine == 16)
        // Without the type, the first declaration of that name.
        #expect(try SourceExcerpt.declaration("logDensity", in: Self.source).firstLine == 7)
    }

    @Test func aTypeWhoseFirstDeclarationHasAnEmptyBodyIsSearchedFurther() throws {
        let text = "extension Foo: Sendable {}\nstruct Foo { var a = 1 }\nextension Foo {\n    func bar() -> Int {\n        1\n    }\n}\n"
        let excerpt = try SourceExcerpt.declaration("Foo.bar", in: text)
        #expect(excerpt == SourceExcerpt(firstLine: 4, lastLine: 6, code: "func bar() -> Int {\n    1\n}"))
        #expect(throws: SourceExcerpt.Failure.notFound("Foo.baz")) { try SourceExcerpt.declaration("Foo.baz", in: text) }
    }

    @Test func findsMarkedLinesDedented() throws {
        let excerpt = try SourceExcerpt.marked("steps", in: Self.source)
        #expect(excerpt == SourceExcerpt(firstLine: 21, lastLine: 22, code: "let a = 1\n    let b = 2"))
    }

    @Test func saysWhatIsMissing() {
        #expect(throws: SourceExcerpt.Failure.notFound("Prior.sample")) { try SourceExcerpt.declaration("Prior.sample", in: Self.source) }
        #expect(throws: SourceExcerpt.Failure.notFound("other")) { try SourceExcerpt.marked("other", in: Self.source) }
        #expect(throws: SourceExcerpt.Failure.unclosed("open", line: 1)) {
            try SourceExcerpt.marked("open", in: "// listing: open\nx\n")
        }
    }

    @Test func theCoursesOwnCodeIsListedAndItsKeyFollowsTheExcerpt() throws {
        Listing.root.value = Self.repository.path
        let read = readDirective(Listing.self, #"@Listing(file: "Sources/Experiments/Listing/Listing.swift", symbol: "Listing.run", caption: "O código.")"#)
        let listing = try #require(read.experiment)
        #expect(read.diagnostics.isEmpty)
        #expect(listing.inputFingerprint.contains("public func run(in context: ExperimentContext) throws -> ExperimentResult {"))
        let results = try runBlock(#"@Listing(file: "Sources/Experiments/Listing/Listing.swift", symbol: "Listing.run", caption: "O código.")"#)
        guard case .listing(let shown)? = results.first?.outputs.first else { Issue.record("no listing"); return }
        #expect(shown.caption == "O código." && shown.language == "swift" && shown.file == "Sources/Experiments/Listing/Listing.swift")
        #expect(shown.code.hasPrefix("public func run(in context: ExperimentContext)"))
        #expect(results.first?.scalars["lines"] == Double(shown.lastLine - shown.firstLine + 1))
    }

    @Test(arguments: [
        (#"@Listing(file: "../secret.swift", symbol: "x")"#, "invalid-value"),
        (#"@Listing(file: "/etc/passwd", marker: "x")"#, "invalid-value"),
        (#"@Listing(file: "a.swift")"#, "invalid-value"),
        (#"@Listing(file: "a.swift", symbol: "x", marker: "y")"#, "invalid-value"),
        (#"@Listing(symbol: "x")"#, "missing-argument"),
    ])
    func badArgumentsAreDiagnostics(source: String, id: String) {
        let read = readDirective(Listing.self, source)
        #expect(read.experiment == nil)
        #expect(read.diagnostics.map(\.id) == [id])
    }

    @Test func aMissingFileOrSymbolFailsTheDirectiveWithAReason() throws {
        Listing.root.value = Self.repository.path
        #expect(throws: ExperimentFailure.self) { try runBlock(#"@Listing(file: "Sources/nothing.swift", symbol: "x")"#) }
        do {
            _ = try runBlock(#"@Listing(file: "Sources/Experiments/Listing/Listing.swift", symbol: "Listing.nothing")"#)
            Issue.record("expected a failure")
        } catch let failure as ExperimentFailure {
            #expect(failure.message.contains("no declaration of 'Listing.nothing'"))
        }
    }
}
