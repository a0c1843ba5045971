import Foundation
import Markdown
import NotebookTestSupport
import Testing
@testable import Notebook

/// Claims in prose (`` `?EXPR` ``): grammar, evaluation, and what the page shows.
@Suite struct ClaimTests {
    let evaluation = ClaimEvaluation(
        results: ["vae": ExperimentResult(scalars: ["test.nelbo": 245.3, "kl": 12.5], timings: ["seconds": 3]),
                  "gm-vae": ExperimentResult(scalars: ["test.nelbo": 243.1, "std.100": 0.1]),
                  "ev": ExperimentResult(scalars: ["vae-pinwheel.iwae10": 252.5, "vae-pinwheel.iwae100": 252])],
        knownIDs: ["vae", "gm-vae", "falhou", "ev"])

    func holds(_ text: String) throws -> Bool {
        try evaluation.check(ClaimParser.parse(text)).allSatisfy(\.holds)
    }

    @Test(arguments: [
        ("gm-vae.test.nelbo < vae.test.nelbo", true), ("vae.test.nelbo < gm-vae.test.nelbo", false),
        ("vae.kl <= 12.5", true), ("vae.kl < 12.5", false), ("vae.kl >= 12.5", true), ("vae.kl > 12.5", false),
        ("vae.test.nelbo - gm-vae.test.nelbo > 2", true), ("vae.test.nelbo -gm-vae.test.nelbo > 2.3", false),
        ("ev.vae-pinwheel.iwae10 - ev.vae-pinwheel.iwae100 ~= 0.5 ± 1e-9", true), ("ev.vae-pinwheel.iwae10-1 > 251", true),
        ("vae.kl ~= 12 ± 0.5", true), ("vae.kl ~= 12 ± 0.4999", false), ("vae.kl ~= 13 +- 0.5", true),
        ("abs(gm-vae.test.nelbo - vae.test.nelbo) > 2 * 1.11", false), ("abs(gm-vae.test.nelbo - vae.test.nelbo) > 2 * 1.09", true),
        ("(vae.kl + 2.5) / 3 ~= 5 ± 1e-12", true), ("-vae.kl < 0 and vae.kl > 0", true), ("vae.kl > 0 and vae.kl > 20", false),
        ("gm-vae.std.100 * 1_000 >= 100", true), ("2-1 < vae.kl", true),
    ])
    func operators(text: String, expected: Bool) throws {
        #expect(try holds(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("vae.kl", 6, "expected a comparison"), ("vae.kl < ", 9, "expected a number"), ("vae.kl ~= 3", 11, "tolerance"),
        ("vae < 3", 0, "not a reference"), ("(vae.kl < 3", 8, "expected ')'"), ("vae.kl < 3 extra", 11, "unexpected"),
        ("abs(vae.kl < 3", 11, "expected ')'"), ("vae. < 3", 4, "expected a name"),
    ])
    func parseErrorsSayWhere(text: String, offset: Int, message: String) {
        do {
            _ = try ClaimParser.parse(text)
            Issue.record("'\(text)' should not parse")
        } catch {
            #expect(error.offset == offset && error.message.contains(message), "\(text): \(error)")
        }
    }

    func page(_ body: String) -> RenderedPage {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource(body))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        return LessonPage.render(lesson: lesson, plan: plan, outcomes: LessonRunner().run(plan, lesson: lesson),
                                 navigation: LessonNavigation(), course: portugueseCourse)
    }

    @Test func aTrueClaimLeavesNoTextAndAFalseOneIsAnErrorAtItsPlace() {
        let p = page("""
        O treino curto fica acima`?a.nelbo > 100` e longe de 200`?a.nelbo > 200`.

        ```swift-directive
        @Train(id: "a", epochs: 5)
        ```
        """)
        #expect(positions(p.diagnostics) == ["claim-failed@6:58"])
        #expect(p.diagnostics.first?.message == "claim 'a.nelbo > 200' is false: a.nelbo > 200 → 105 > 200")
        #expect(p.claims == 2 && p.failedClaims == 1)
        let paragraph = p.html.components(separatedBy: "<p>").first { $0.hasPrefix("O treino") } ?? ""
        // The true claim: an empty element (its mark is CSS), with the values in its tooltip.
        #expect(paragraph.hasPrefix("O treino curto fica acima<span class=\"claim\" data-claim=\"ok\" role=\"img\" aria-label=\"afirmação verificada\" title=\"Verificado: a.nelbo &gt; 100 → 105 &gt; 100\"></span> e longe"))
        #expect(paragraph.contains("data-claim=\"failed\""))
        #expect(paragraph.contains("afirmação falsa: a.nelbo &gt; 200 → 105 &gt; 200"))
    }

    @Test func unknownReferencesTimingsAndFailedDirectives() {
        let p = page("""
        Um `?b.nelbo < 3`, outro `?a.nelbx < 3` e um que falhou `?f.x < 1`.

        ```swift-directive
        @Train(id: "a", epochs: 5)
        @Train(id: "t", epochs: 6)
        @Fail(id: "f")
        ```
        """)
        #expect(positions(p.diagnostics) == ["unknown-reference@6:6", "unknown-reference@6:28"])
        #expect(p.diagnostics.last?.suggestion == "did you mean 'a.nelbo'?")
        #expect(p.claims == 0 && p.failedClaims == 0)
    }

    @Test func timingsCannotBeClaimedAbout() throws {
        let parsed = try ClaimParser.parse("vae.seconds < 10")
        do {
            _ = try evaluation.check(parsed)
            Issue.record("a timing was accepted in a claim")
        } catch {
            guard case .invalid(let message, 0) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("wall-clock"))
        }
    }

    @Test func claimsAreListedWithTheirPositions() {
        let lesson = Lesson(path: "Notes/t.md", source: lessonSource("Texto `?a.x < 1` e `=a.x`.\n"))
        let claims = LessonClaims.list(in: lesson)
        #expect(claims.map { "\($0.text)@\($0.line):\($0.column)" } == ["a.x < 1@6:8"])
    }
}
