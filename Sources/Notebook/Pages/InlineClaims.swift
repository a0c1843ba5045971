import Charts
import Foundation
import Markdown

/// Claims in prose: a code span `` `?EXPR` `` (see `ClaimParser`) is checked against the
/// lesson's results when the page is built. A true claim leaves no text in the sentence, only
/// an unobtrusive mark whose tooltip lists the values; a false one is a `claim-failed` error
/// at the claim, and the page shows it struck out with both sides' values.
struct InlineClaims {
    var file: String
    var evaluation: ClaimEvaluation
    var numbers: NumberStyle
    private(set) var diagnostics: [Diagnostic] = []
    /// Claims checked (true or false), and those found false.
    private(set) var checked = 0
    private(set) var failed = 0

    var strings = PageStrings.portuguese
    /// The scalars each directive declares, so a misspelt name is an error even when its
    /// directive produced no result: see `LessonPlan.declaredScalars`.
    var declared: [String: [ScalarName]] = [:]

    init(file: String, results: [String: ExperimentResult], knownIDs: Set<String>, numbers: NumberStyle,
         strings: PageStrings = .portuguese) {
        self.strings = strings
        self.file = file
        self.evaluation = ClaimEvaluation(results: results, knownIDs: knownIDs)
        self.numbers = numbers
    }

    /// Replacement HTML for a code span, or nil when it is not a claim.
    mutating func resolve(_ code: String, at location: MarkdownLocation) -> String? {
        guard code.hasPrefix("?"), code.count > 1 else { return nil }
        let expression = String(code.dropFirst())
        func at(_ offset: Int) -> (Int, Int) { (location.line, location.column + 1 + offset) }
        let comparisons: [ClaimComparison]
        do {
            comparisons = try ClaimParser.parse(expression)
        } catch {
            report("invalid-claim", "cannot read the claim '\(expression)': \(error.message)", at(error.offset),
                   suggestion: "write e.g. `?vae.test.nelbo < gmvae.test.nelbo` or `?a.x ~= 3 ± 0.5`")
            return "<span class=\"claim invalid\">?</span>"
        }
        for reference in comparisons.flatMap(\.references) {
            if let suggestion = LessonPlan.undeclared(reference.name, of: reference.id, in: declared) {
                report("unknown-reference", LessonPlan.noValueMessage(reference.id, reference.name), at(reference.offset),
                       suggestion: suggestion)
                return "<span class=\"claim invalid\">?</span>"
            }
        }
        let results: [ClaimEvaluation.Checked]
        do {
            results = try evaluation.check(comparisons)
        } catch {
            switch error {
            case .unavailable:
                return "<span class=\"claim missing\" title=\"\(escapeHTML(strings.missingResult))\">?</span>"
            case .unknown(let message, let hint, let offset):
                report("unknown-reference", message, at(offset), suggestion: hint)
            case .invalid(let message, let offset):
                report("invalid-claim", message, at(offset), suggestion: "cite results, not timings")
            }
            return "<span class=\"claim invalid\">?</span>"
        }
        checked += 1
        let shown = results.map { describe($0) }.joined(separator: "; ")
        if results.allSatisfy(\.holds) {
            return "<span class=\"claim\" data-claim=\"ok\" role=\"img\" aria-label=\"\(escapeHTML(strings.verifiedClaimLabel))\" title=\"\(escapeHTML(strings.verified)): \(escapeHTML(shown))\"></span>"
        }
        failed += 1
        let wrong = results.filter { !$0.holds }.map { describe($0, plain: true) }.joined(separator: "; ")
        report("claim-failed", "claim '\(expression)' is false: \(wrong)", (location.line, location.column),
               suggestion: "the measurement disagrees with the text: change the sentence (or the experiment)")
        return "<span class=\"claim\" data-claim=\"failed\" title=\"\(escapeHTML(strings.falseClaimTitle)): \(escapeHTML(shown))\">\(escapeHTML(strings.falseClaim)): \(escapeHTML(shown))</span>"
    }

    /// `245,3 < 246,1` (page) or `245.3 < 246.1` (terminal).
    func describe(_ c: ClaimEvaluation.Checked, plain: Bool = false) -> String {
        func n(_ x: Double) -> String {
            let text = InlineValues.format(x, decimals: nil)
            return plain ? text : numbers.number(text)
        }
        var text = "\(c.comparison.text) → \(n(c.left)) \(c.comparison.op.rawValue) \(n(c.right))"
        if let t = c.tolerance { text += " ± \(n(t))" }
        return text
    }

    private mutating func report(_ id: String, _ message: String, _ position: (Int, Int), suggestion: String) {
        diagnostics.append(Diagnostic(file: file, line: position.0, column: position.1, id: id,
                                      message: message, suggestion: suggestion))
    }
}
