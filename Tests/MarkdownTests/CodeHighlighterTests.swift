import Testing
import Foundation
import Markdown

struct CodeHighlighterTests {
    static let cases: [(code: String, language: String, html: String)] = [
        ("let x = 1 < 2", "swift",
         #"<span class="hl-keyword">let</span> x = <span class="hl-number">1</span> &lt; <span class="hl-number">2</span>"#),
        (#"@Train(id: "a\"b", epochs: 60_000) // treino"#, "swift-directive",
         #"<span class="hl-attribute">@Train</span>(id: <span class="hl-string">"a\"b"</span>, epochs: "#
            + #"<span class="hl-number">60_000</span>) <span class="hl-comment">// treino</span>"#),
        ("prior: .mixture(stds: [1e-3, 0.5])", "swift-directive",
         #"prior: .mixture(stds: [<span class="hl-number">1e-3</span>, <span class="hl-number">0.5</span>])"#),
        ("/* a\nb */ Tensor", "swift", "<span class=\"hl-comment\">/* a\nb */</span> <span class=\"hl-type\">Tensor</span>"),
        ("def f(x): return 'a' # c", "python",
         #"<span class="hl-keyword">def</span> f(x): <span class="hl-keyword">return</span> <span class="hl-string">'a'</span> <span class="hl-comment"># c</span>"#),
        ("\"\"\"doc\n\"\"\"", "py", "<span class=\"hl-string\">\"\"\"doc\n\"\"\"</span>"),
        ("\"aberta\nlet", "swift", "<span class=\"hl-string\">\"aberta</span>\n<span class=\"hl-keyword\">let</span>"),
        ("a < b && c", "text", "a &lt; b &amp;&amp; c"),
    ]

    @Test(arguments: cases)
    func highlights(code: String, language: String, html: String) {
        #expect(CodeHighlighter.html(for: code, language: language) == html)
    }

    @Test func keepsEveryCharacter() {
        let code = "func f<T>(_ x: T) -> [T] { /* ok */ return [x] } // é\n\"s\\\"\" 0x1F @MainActor"
        let html = CodeHighlighter.html(for: code, language: "swift")
        let text = html.replacingOccurrences(of: #"<span class="hl-[a-z]+">"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</span>", with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(text == code)
    }
}
