import Testing
@testable import Markdown
import Foundation

/// Math must reach the page exactly as written, wrapped for KaTeX auto-render.
struct MathTests {
    static let cases: [(markdown: String, html: String)] = [
        (#"A posterior $q_\phi(z|x)$ aprox."#,
         #"<p>A posterior <span class="math inline">$q_\phi(z|x)$</span> aprox.</p>"# + "\n"),
        (#"Produto $a_i b_i$ e $a*b*c$."#,
         #"<p>Produto <span class="math inline">$a_i b_i$</span> e <span class="math inline">$a*b*c$</span>.</p>"# + "\n"),
        (#"$$\sum_{k=1}^K \pi_k$$"#,
         #"<div class="math display">$$\sum_{k=1}^K \pi_k$$</div>"# + "\n"),
        (#"Soma $$\sum_{k=1}^K \pi_k$$ no meio."#,
         #"<p>Soma <span class="math display">$$\sum_{k=1}^K \pi_k$$</span> no meio.</p>"# + "\n"),
        (#"$a < b$ e $x > 0 \& y$"#,
         #"<p><span class="math inline">$a &lt; b$</span> e <span class="math inline">$x &gt; 0 \&amp; y$</span></p>"# + "\n"),
        (#"Custa R$ 10,00 ou R$10 e R$ 5."#, #"<p>Custa R$ 10,00 ou R$10 e R$ 5.</p>"# + "\n"),
        (#"De $5 a $10 por dia."#, #"<p>De $5 a $10 por dia.</p>"# + "\n"),
        (#"Um \$ literal e \$x\$ também."#, #"<p>Um $ literal e $x$ também.</p>"# + "\n"),
        (#"Espaço $ x$ e $x $ não."#, #"<p>Espaço $ x$ e $x $ não.</p>"# + "\n"),
        (#"Código `$a_i$` e ``$b_i$``."#, #"<p>Código <code>$a_i$</code> e <code>$b_i$</code>.</p>"# + "\n"),
        ("```\n$a_i$ e $$b$$\n```", "<pre><code>$a_i$ e $$b$$\n</code></pre>\n"),
        ("    $a_i$", "<pre><code>$a_i$\n</code></pre>\n"),
        (#"Zmath0L0E e $x$"#, #"<p>Zmath0L0E e <span class="math inline">$x$</span></p>"# + "\n"),
        ("# Prior $p_\\theta(z)$", #"<h1 id="prior-p-theta-z">Prior <span class="math inline">$p_\theta(z)$</span></h1>"# + "\n"),
        (#"| $q(z|x)$ | $a_i$ |"# + "\n| --- | --- |\n" + #"| $\mathbb{E}[x|z]$ | 1 |"#,
         """
         <div class="prose-table"><table>
         <thead>
         <tr>
         <th><span class="math inline">$q(z|x)$</span></th>
         <th><span class="math inline">$a_i$</span></th>
         </tr>
         </thead>
         <tbody>
         <tr>
         <td><span class="math inline">$\\mathbb{E}[x|z]$</span></td>
         <td>1</td>
         </tr>
         </tbody>
         </table></div>

         """),
    ]

    @Test(arguments: cases)
    func rendersMath(markdown: String, html: String) throws {
        #expect(try MarkdownDocument(source: markdown).renderHTML() == html)
    }

    static let alignedBlock = #"""
        $$
        \begin{aligned}
        k &\sim \text{Uniform}(1, K) \\
        z &\sim \mathcal{N}(\mu_k, \operatorname{diag}(\sigma_k^2))
        \end{aligned}
        $$
        """#

    @Test func multiLineDisplayBlockIsOneElementWithoutParagraph() throws {
        let html = try MarkdownDocument(source: "Antes.\n\n" + Self.alignedBlock + "\n\nDepois.").renderHTML()
        #expect(html == #"""
            <p>Antes.</p>
            <div class="math display">$$
            \begin{aligned}
            k &amp;\sim \text{Uniform}(1, K) \\
            z &amp;\sim \mathcal{N}(\mu_k, \operatorname{diag}(\sigma_k^2))
            \end{aligned}
            $$</div>
            <p>Depois.</p>

            """#)
    }

    @Test func displayLinesThatLookLikeMarkdownBlocksStayMath() throws {
        let source = "O limite\n$$\n\\log p(x) \\geq \\mathbb{E}[\\log p(x|z)]\n- \\mathrm{KL}(q\\|p)\n# = 0\n$$\né a ELBO."
        #expect(try MarkdownDocument(source: source).renderHTML() == #"""
            <p>O limite
            <span class="math display">$$
            \log p(x) \geq \mathbb{E}[\log p(x|z)]
            - \mathrm{KL}(q\|p)
            # = 0
            $$</span>
            é a ELBO.</p>

            """#)
    }

    static let sources = [
        #"$q_\phi(z|x)$"#, #"$a_i b_i$"#, #"$$\sum_{k=1}^K \pi_k$$"#, alignedBlock,
        #"$\mathbb{E}_{q}[\log p(x|z)] - \beta \, \mathrm{KL}(q \| p) < 0 \& *x* _y_$"#,
    ]

    /// The text the browser shows (and KaTeX reads) is the source, byte for byte.
    @Test(arguments: sources)
    func textContentIsByteIdenticalToSource(math: String) throws {
        for markdown in ["Texto\n\n\(math)\n\nfim", "Texto \(math) fim", "| a |\n| - |\n| \(math) |"]
        where !(markdown.hasPrefix("|") && math.contains("\n")) {
            let html = try MarkdownDocument(source: markdown).renderHTML()
            let texts = mathTextContents(of: html)
            #expect(texts == [math], "in \(markdown)")
            #expect(Array(texts.first?.utf8 ?? "".utf8) == Array(math.utf8))
        }
    }

    @Test func mathDoesNotShiftLaterLocations() throws {
        let source = "Texto $a_i$ e\n" + Self.alignedBlock + "\n\n```swift-directive\n@Train(id: \"a\")\n```\n"
        let block = try #require(try MarkdownDocument(source: source).fencedBlocks.first)
        #expect(block.fenceLocation == MarkdownLocation(line: 9, column: 1))
        #expect(block.contentLocation == MarkdownLocation(line: 10, column: 1))
    }

    /// The text inside each `math` element, with `&amp;`, `&lt;`, `&gt;` decoded.
    private func mathTextContents(of html: String) -> [String] {
        var texts: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: #"class="math "#) {
            let afterTag = rest[open.upperBound...].drop(while: { $0 != ">" }).dropFirst()
            let close = afterTag.range(of: "</")!
            texts.append(String(afterTag[..<close.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&"))
            rest = afterTag[close.upperBound...]
        }
        return texts
    }
}

/// The math a document holds, for checking it at build time, and `$` that never closes.
struct MathOccurrenceTests {
    @Test func everySpanIsListedWithWhereItStarts() throws {
        let doc = try MarkdownDocument(source: "---\ntitle: T\n---\nÉ $a_i$ e\n\n$$\n\\frac{1}{2}\n$$\n")
        #expect(doc.math == [
            MathOccurrence(tex: "a_i", isDisplay: false, location: MarkdownLocation(line: 4, column: 3), isSingleLine: true),
            MathOccurrence(tex: "\n\\frac{1}{2}\n", isDisplay: true, location: MarkdownLocation(line: 6, column: 1), isSingleLine: false),
        ])
        #expect(doc.math[0].column(ofCharacter: 2) == 6)
        #expect(doc.math[1].column(ofCharacter: 0) == nil)
    }

    @Test func aDollarThatOpensMathAndNeverClosesIsReported() throws {
        let doc = try MarkdownDocument(source: "Custa $5, R$ 10 e R$10; mas $x fica aberto.\n\nE `$y` é código; \\$z é um cifrão.\n")
        #expect(doc.problems.map(\.kind) == [.unmatchedDollar])
        #expect(doc.problems.first?.location == MarkdownLocation(line: 1, column: 29))
    }
}
