import Testing
@testable import Notebook
import NotebookTestSupport

/// Fences that cmark accepts silently: unclosed ones and misspelled directive info strings.
@Suite struct LessonInputFenceTests {
    func lesson(_ body: String) -> Lesson { Lesson(path: "Notes/t.md", source: lessonSource(body)) }

    @Test func unclosedFenceIsReportedWhereItOpens() {
        // Front matter takes lines 1–5.
        let l = lesson("""
        Texto.

          ```swift-directive
          @Train(id: "a")

        ## Depois

        Mais `texto` com @Trian(x: 1).
        """)
        #expect(positions(l.diagnostics) == ["unclosed-fence@8:3"])
        #expect(l.diagnostics.first?.severity == .error)
        #expect(l.diagnostics.first?.suggestion == "close it with a line of ``` (the same number of backticks/tildes)")
        // The swallowed prose is not run as directives, so nothing blames a later line.
        let plan = LessonPlan(lesson: l, registry: fakeRegistry)
        #expect(plan.blocks.isEmpty)
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func unclosedTildeFenceNamesItsFence() {
        let l = lesson("~~~~python\nprint(1)\n~~~\n")
        #expect(positions(l.diagnostics) == ["unclosed-fence@6:1"])
        #expect(l.diagnostics.first?.suggestion?.hasPrefix("close it with a line of ~~~~ ") == true)
    }

    @Test func closedFencesAreFine() {
        let l = lesson("```swift-directive\n@Train(id: \"a\")\n```\n\n> ```\n> x\n\nTexto.\n\n```swift\nlet x = 1\n```")
        #expect(l.diagnostics.isEmpty)
        #expect(LessonPlan(lesson: l, registry: fakeRegistry).blocks.count == 1)
    }

    @Test(arguments: ["Swift-Directive", "SWIFT-DIRECTIVE", "swift_directive", "swiftdirective",
                      "swift-directives", "Swift-directive {.wide}", "swift-direcitve", "swift.directive"])
    func misspelledDirectiveInfoIsAWarningAndStaysAListing(info: String) {
        let l = lesson("Texto.\n\n```\(info)\n@Trian(id: \"a\")\n```\n")
        #expect(positions(l.diagnostics) == ["miscased-directive-block@8:1"])
        #expect(l.diagnostics.first?.severity == .warning)
        #expect(l.diagnostics.first?.suggestion == "write ```swift-directive")
        let plan = LessonPlan(lesson: l, registry: fakeRegistry)
        #expect(plan.blocks.isEmpty)
        #expect(plan.diagnostics.isEmpty)
        #expect(l.document.renderHTML().contains("<pre><code"))
    }

    @Test(arguments: ["swift", "swift directive", "python", "", "directive", "text"])
    func otherInfoStringsAreNotFlagged(info: String) {
        #expect(lesson("```\(info)\nlet x = 1\n```\n").diagnostics.isEmpty)
    }
}
