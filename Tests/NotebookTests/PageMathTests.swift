import Foundation
import NotebookTestSupport
import Testing
@testable import Notebook

/// Math reaches the built page exactly as written in the lesson: the text a browser (and
/// KaTeX) reads from the page equals the source byte for byte.
@Suite struct PageMathTests {
    static let spans = [
        #"$q_\phi(z|x)$"#,
        #"$a_i b_i$"#,
        #"$$\sum_{k=1}^K \pi_k$$"#,
        "$$\n\\begin{aligned}\nk &\\sim \\text{Uniform}(1, K) \\\\\nz &\\sim \\mathcal{N}(\\mu_k, \\operatorname{diag}(\\sigma_k^2))\n\\end{aligned}\n$$",
        #"$p(x) < 1 \;\&\; x_{*} > 0$"#,
        #"$\mathbb{E}_{q}[\log p(x \mid z)]$"#,
    ]

    /// What the browser reads back from the HTML text: entities decoded.
    static func decoded(_ html: String) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func mathInProseTablesAndDisplayBlocksIsByteIdentical() {
        let body = """
        Inline \(Self.spans[0]) e \(Self.spans[1]) no texto.

        \(Self.spans[2])

        \(Self.spans[3])

        Desigualdade \(Self.spans[4]) e esperança \(Self.spans[5]).

        | símbolo | significado |
        | --- | --- |
        | \(Self.spans[0]) | posterior |
        | \(Self.spans[1]) | produto |

        Preço: R$ 10,00 não é matemática.
        """
        let lesson = Lesson(path: "Notes/m.md", source: lessonSource(body))
        let plan = LessonPlan(lesson: lesson, registry: fakeRegistry)
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: [:], navigation: LessonNavigation(), course: portugueseCourse)
        let text = Self.decoded(page.html)
        for span in Self.spans {
            #expect(text.contains(span), "math changed on its way to the page: \(span)")
        }
        // In the table too (two cells hold math).
        let table = text[text.range(of: "<table>")!.lowerBound...]
        #expect(table.contains(Self.spans[0]) && table.contains(Self.spans[1]))
        #expect(!page.html.contains("<em>i b</em>"))
        #expect(text.contains("R$ 10,00 não é matemática."))
    }
}
