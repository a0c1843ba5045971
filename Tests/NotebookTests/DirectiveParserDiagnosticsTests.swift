import Testing
@testable import Notebook

/// Broken blocks: every diagnostic as `id line:col`, with the block starting at line 7, column 3,
/// and the names of the calls that still parse.
@Suite struct DirectiveParserDiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var content: String
        var diagnostics: [String]
        var calls: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Numbers.
        Case(name: "dot without a following digit", content: "@A(x: 1_0.)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "leading dot", content: "@A(x: .5)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "negative leading dot", content: "@A(x: -.5)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "exponent without digits", content: "@A(x: 1e)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "digits then letters", content: "@A(x: 12abc)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "hexadecimal", content: "@A(x: 0x10)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "two points", content: "@A(x: 1.5.2)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "float out of range", content: "@A(x: 1e999)", diagnostics: ["malformed-number 7:9"]),
        Case(name: "integer overflow", content: "@A(x: 9223372036854775808)", diagnostics: ["integer-overflow 7:9"]),
        Case(name: "negative integer overflow", content: "@A(x: -9_223_372_036_854_775_809)", diagnostics: ["integer-overflow 7:9"]),
        Case(name: "column after accents and emoji",
             content: #"@A(s: "orçamento", t: 1x, u: "👨‍👩‍👧", v: 2y)"#,
             diagnostics: ["malformed-number 7:25", "malformed-number 7:40"]),

        // Strings.
        Case(name: "unterminated string swallows the parenthesis", content: #"@A(s: "abc)"#,
             diagnostics: ["unterminated-string 7:9"]),
        Case(name: "unterminated string, next call still parses", content: "@A(s: \"abc)\n@B(t: 1)",
             diagnostics: ["unterminated-string 7:9"], calls: ["B"]),
        Case(name: "unknown escape", content: #"@A(s: "a\qb")"#, diagnostics: ["invalid-escape 7:11"]),
        Case(name: "empty unicode escape", content: #"@A(s: "\u{}")"#, diagnostics: ["invalid-escape 7:10"]),
        Case(name: "unicode escape beyond the last scalar", content: #"@A(s: "\u{110000}")"#, diagnostics: ["invalid-escape 7:10"]),
        Case(name: "surrogate escape", content: #"@A(s: "\u{D800}")"#, diagnostics: ["invalid-escape 7:10"]),
        Case(name: "unicode escape without brace", content: #"@A(s: "\u12")"#, diagnostics: ["invalid-escape 7:10"]),
        Case(name: "two bad escapes in one string", content: #"@A(s: "\a\b")"#, diagnostics: ["invalid-escape 7:10", "invalid-escape 7:12"]),

        // Parentheses and brackets.
        Case(name: "missing ')' at end of block", content: "@A(x: 1", diagnostics: ["unbalanced-parentheses 7:5"]),
        Case(name: "missing ')' before the next directive", content: "@A(x: 1,\n  y: 2\n@B(y: 2)",
             diagnostics: ["unbalanced-parentheses 7:5"], calls: ["B"]),
        Case(name: "stray ')' after a call", content: "@A(x: 1))", diagnostics: ["unbalanced-parentheses 7:11"], calls: ["A"]),
        Case(name: "stray ')' on its own line", content: ")\n@B()", diagnostics: ["unbalanced-parentheses 7:3"], calls: ["B"]),
        Case(name: "missing ']' before ')'", content: "@A(x: [1, 2)", diagnostics: ["unbalanced-brackets 7:9"]),
        Case(name: "stray ']' in arguments", content: "@A(x: 1])", diagnostics: ["unbalanced-brackets 7:10"]),
        Case(name: "stray ']' as a value", content: "@A(x: ], y: 2)", diagnostics: ["unbalanced-brackets 7:9"]),
        Case(name: "member left open inside an array", content: "@A(x: [.a(b: 1])", diagnostics: ["unbalanced-parentheses 7:12"]),

        // Trailing and unexpected text.
        Case(name: "word after a call", content: "@A(x: 1) extra", diagnostics: ["trailing-text 7:12"], calls: ["A"]),
        Case(name: "two calls on one line", content: "@A() @B()", diagnostics: ["trailing-text 7:8"], calls: ["A"]),
        Case(name: "plain Swift", content: "let x = 1", diagnostics: ["unexpected-text 7:3"]),
        Case(name: "call without '@'", content: "Train(id: \"a\",\n  epochs: 3)\n@B()", diagnostics: ["unexpected-text 7:3"], calls: ["B"]),
        Case(name: "two lines of prose", content: "some prose\n  more prose", diagnostics: ["unexpected-text 7:3", "unexpected-text 8:5"]),

        // Expected tokens.
        Case(name: "number as label", content: "@A(1: 2)", diagnostics: ["expected-label 7:6"]),
        Case(name: "trailing comma in arguments", content: "@A(x: 1,)", diagnostics: ["expected-label 7:11"]),
        Case(name: "missing colon", content: "@A(x 1)", diagnostics: ["expected-colon 7:8"]),
        Case(name: "equals instead of colon", content: "@A(x = 1)", diagnostics: ["expected-colon 7:8"]),
        Case(name: "missing value", content: "@A(x: )", diagnostics: ["expected-value 7:9"]),
        Case(name: "bare identifier value", content: "@A(x: vae)", diagnostics: ["expected-value 7:9"]),
        Case(name: "missing array element", content: "@A(x: [1, ,])", diagnostics: ["expected-value 7:13"]),
        Case(name: "missing comma between arguments", content: "@A(x: 1 y: 2)", diagnostics: ["expected-comma 7:11"]),
        Case(name: "missing comma between elements", content: "@A(x: [1 2])", diagnostics: ["expected-comma 7:12"]),
        Case(name: "space after '@'", content: "@ A()", diagnostics: ["expected-name 7:5"]),
        Case(name: "no name after '@'", content: "@(x: 1)", diagnostics: ["expected-name 7:4"]),
        Case(name: "no name after '.'", content: "@A(x: . a)", diagnostics: ["expected-name 7:10"]),
        Case(name: "no parentheses", content: "@Train\n@B()", diagnostics: ["expected-parenthesis 7:9"], calls: ["B"]),

        Case(name: "values nested beyond 32 levels",
             content: "@A(x: " + String(repeating: "[", count: 33) + "1" + String(repeating: "]", count: 33) + ")",
             diagnostics: ["nesting-too-deep 7:41"]),

        // Whole blocks.
        Case(name: "only a comment", content: "// nothing yet\n", diagnostics: ["empty-block 7:3"]),
        Case(name: "empty content", content: "", diagnostics: ["empty-block 7:3"]),
        Case(name: "five problems, two valid calls",
             content: """
             @Train(id: "a", epochs: 1_0.)
             @Train(id "b")
             @Evaluate(of: ["a", "b"])
             let x = 1
             @Samples(of: "a") trailing
             @Train(id: "c", epochs: 3
             """,
             diagnostics: ["malformed-number 7:27", "expected-colon 8:13", "unexpected-text 10:3",
                           "trailing-text 11:21", "unbalanced-parentheses 12:9"],
             calls: ["Evaluate", "Samples"]),
        Case(name: "several problems inside one call",
             content: "@Train(id: \"a\\q\", epochs: 1e, seed 3, beta: [1, 2)",
             diagnostics: ["invalid-escape 7:16", "malformed-number 7:29", "expected-colon 7:38",
                           "unbalanced-brackets 7:47"]),
    ]

    @Test(arguments: cases)
    func reportsEveryProblem(_ testCase: Case) {
        let (calls, diagnostics) = DirectiveDump.parse(testCase.content)
        #expect(DirectiveDump.diagnostics(diagnostics) == testCase.diagnostics)
        #expect(calls.map(\.name) == testCase.calls)
    }

    @Test func emptyBlockIsOnlyAWarning() {
        let (_, diagnostics) = DirectiveDump.parse("// nothing")
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func syntaxErrorsAreErrors() {
        let (_, diagnostics) = DirectiveDump.parse("@A(x: 1x)\nlet y = 2")
        #expect(diagnostics.map(\.severity) == [.error, .error])
    }

    @Test func diagnosticNamesTheFileAndSuggestsAFix() {
        let (_, diagnostics) = DirectiveDump.parse("Train(id: \"a\")")
        #expect(diagnostics.first?.file == "Notes/test.md")
        #expect(diagnostics.first?.suggestion?.contains("@Train") == true)
    }

    @Test func indentedBlockOffsetsEveryLine() {
        let (_, diagnostics) = DirectiveDump.parse("@A(x: 1,\n    y: 2x)", line: 40, column: 5)
        #expect(DirectiveDump.diagnostics(diagnostics) == ["malformed-number 41:12"])
    }
}
