import Testing
@testable import Notebook
import NotebookTestSupport

@Suite struct LessonPlanTests {
    func plan(_ body: String) -> LessonPlan {
        LessonPlan(lesson: Lesson(path: "Notes/t.md", source: lessonSource(body)), registry: fakeRegistry)
    }

    @Test func bindsDirectivesAndOrdersDependenciesFirst() {
        // Front matter takes lines 1–5; the block's content starts on line 7.
        let p = plan("""
        Texto.
        ```swift-directive
        @Evaluate(of: ["a", "b"])
        @Train(id: "a", epochs: 2)
        @Train(id: "b", model: .gmvae(components: 3))
        ```
        """)
        #expect(p.diagnostics.isEmpty)
        #expect(p.directives.count == 3)
        #expect(p.runOrder == [1, 2, 0])
        #expect(p.directives[2].canonicalForm == "@Train#v1(epochs: 10, id: \"b\", model: .gmvae(components: 3))")
    }

    @Test func reportsIDProblemsAtTheirLiterals() {
        let p = plan("""
        ```swift-directive
        @Train(id: "a")
        @Train(id: "a")
        @Evaluate(of: ["a", "c"])
        @Evaluate(of: ["aa"])
        ```
        """)
        #expect(positions(p.diagnostics) == [
            "duplicate-id@8:12", "unknown-id@9:21", "unknown-id@10:16",
        ])
        #expect(p.diagnostics.last?.suggestion == "did you mean 'a'?")
        #expect(p.runOrder == [0])
    }

    @Test func reportsUnknownDirectivesWithSuggestion() {
        let p = plan("```swift-directive\n  @Trian(id: \"a\")\n```\n")
        #expect(positions(p.diagnostics) == ["unknown-directive@7:3"])
        #expect(p.diagnostics[0].suggestion == "did you mean '@Train'?")
    }

    @Test func reportsCycles() {
        // Evaluate has no id, so a cycle needs ids on both sides: use a tiny registry.
        struct Node: Experiment {
            static let directiveName = "Node"
            static let version = 1
            var id: String?
            var dependencies: [String]
            init?(reading r: inout ArgumentReader) {
                id = r.string("id")
                dependencies = r.strings("of", default: [], nonEmpty: false) ?? []
            }
            func run(in context: ExperimentContext) throws -> ExperimentResult { ExperimentResult() }
        }
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource("""
        ```swift-directive
        @Node(id: "x", of: ["y"])
        @Node(id: "y", of: ["x"])
        @Node(id: "z", of: ["x"])
        ```
        """))
        let p = LessonPlan(lesson: lesson, registry: ExperimentRegistry([Node.self]))
        #expect(positions(p.diagnostics) == ["dependency-cycle@7:1", "dependency-cycle@8:1"])
        #expect(p.runOrder == [2])  // z runs, and reports that x failed
    }

    @Test func everyDirectiveAcceptsAnIDWithoutChangingItsIdentity() {
        let p = plan("""
        ```swift-directive
        @Train(id: "a")
        @Evaluate(id: "ev", of: ["a"])
        @Evaluate(of: ["a"])
        ```
        """)
        #expect(p.diagnostics.isEmpty)
        #expect(p.directiveForID["ev"] == 1)
        #expect(p.directives[1].id == "ev" && p.directives[2].id == nil)
        #expect(p.directives[1].canonicalForm == p.directives[2].canonicalForm)
    }

    @Test func ignoresOtherFencedBlocks() {
        let p = plan("```swift\n@Train(id: 1)\n```\n")
        #expect(p.blocks.isEmpty && p.diagnostics.isEmpty)
    }
}
