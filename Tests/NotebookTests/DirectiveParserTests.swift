import Testing
@testable import Notebook

/// Valid blocks: the tree and every location, with the block starting at line 7, column 3.
@Suite struct DirectiveParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var content: String
        var dump: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "strings and integers",
             content: #"@Train(id: "vae", epochs: 10)"#,
             dump: #"@Train@7:3(id@7:10: "vae"@7:14, epochs@7:21: 10@7:29)"#),
        Case(name: "every scalar kind, negative numbers, exponents",
             content: #"@A(i: -42, f: 1.5, e: 1e-3, g: -2.5E+4, s: "x", t: true, u: false)"#,
             dump: #"@A@7:3(i@7:6: -42@7:9, f@7:14: 1.5@7:17, e@7:22: 0.001@7:25, g@7:31: -25000.0@7:34, s@7:43: "x"@7:46, t@7:51: true@7:54, u@7:60: false@7:63)"#),
        Case(name: "underscore separators",
             content: "@A(n: 60_000, m: 1_000.000_1)",
             dump: "@A@7:3(n@7:6: 60000@7:9, m@7:17: 1000.0001@7:20)"),
        Case(name: "64-bit extremes",
             content: "@A(max: 9223372036854775807, min: -9223372036854775808)",
             dump: "@A@7:3(max@7:6: 9223372036854775807@7:11, min@7:32: -9223372036854775808@7:37)"),
        Case(name: "nested members",
             content: "@Train(model: .gmvae(components: 10), data: .fashionMNIST(train: 20_000))",
             dump: "@Train@7:3(model@7:10: .gmvae(components@7:24: 10@7:36)@7:17, data@7:41: .fashionMNIST(train@7:61: 20000@7:68)@7:47)"),
        Case(name: "member without and with empty parentheses",
             content: "@A(a: .vae, b: .vae(), c: .mixture(prior: .standard(scale: 1.0)))",
             dump: "@A@7:3(a@7:6: .vae@7:9, b@7:15: .vae()@7:18, c@7:26: .mixture(prior@7:38: .standard(scale@7:55: 1.0@7:62)@7:45)@7:29)"),
        Case(name: "arrays of strings and members, trailing comma, empty array",
             content: #"@Evaluate(of: ["vae", "gmvae",], metrics: [.nelbo, .iwae(samples: 100)], none: [])"#,
             dump: #"@Evaluate@7:3(of@7:13: ["vae"@7:18, "gmvae"@7:25]@7:17, metrics@7:36: [.nelbo@7:46, .iwae(samples@7:60: 100@7:69)@7:54]@7:45, none@7:76: []@7:82)"#),
        Case(name: "nested arrays",
             content: "@A(means: [[0.0, 1], [-2.5, 3e2]])",
             dump: "@A@7:3(means@7:6: [[0.0@7:15, 1@7:20]@7:14, [-2.5@7:25, 300.0@7:31]@7:24]@7:13)"),
        Case(name: "no arguments",
             content: "@Samples()",
             dump: "@Samples@7:3()"),
        Case(name: "multi-line call, comments and blank lines",
             content: """
             // Compare priors.

             @Train(id: "a", // the baseline
                    epochs: 3) // after the call
               // indented comment
             @Samples() // no arguments
             """,
             dump: """
             @Train@9:3(id@9:10: "a"@9:14, epochs@10:10: 3@10:18)
             @Samples@12:3()
             """),
        Case(name: "one argument per line",
             content: "@Train(\n  id: \"a\",\n  model: .gmvae(\n    components: 4\n  )\n)",
             dump: #"@Train@7:3(id@8:5: "a"@8:9, model@9:5: .gmvae(components@10:7: 4@10:19)@9:12)"#),
        Case(name: "accents and emoji count one column each",
             content: #"@LearningCurves(caption: "Mesmo orçamento, 🙂 dois priors.", label: "fig-curvas")"#,
             dump: #"@LearningCurves@7:3(caption@7:19: "Mesmo orçamento, 🙂 dois priors."@7:28, label@7:63: "fig-curvas"@7:70)"#),
        Case(name: "decomposed accent and a ZWJ emoji sequence count one column each",
             content: "@A(s: \"orc\u{0327}amento 👨‍👩‍👧\", t: 1)",
             dump: "@A@7:3(s@7:6: \"orc\u{0327}amento 👨‍👩‍👧\"@7:9, t@7:24: 1@7:27)"),
        Case(name: "escapes are one source character each, not one column",
             content: #"@A(s: "\u{E7}", t: 1)"#,
             dump: #"@A@7:3(s@7:6: "ç"@7:9, t@7:19: 1@7:22)"#),
        Case(name: "CRLF line endings",
             content: "@A(x: 1)\r\n@B(y: [2,\r\n 3])\r\n",
             dump: "@A@7:3(x@7:6: 1@7:9)\n@B@8:3(y@8:6: [2@8:10, 3@9:4]@8:9)"),
        Case(name: "duplicate labels are left to the reader",
             content: "@A(x: 1, x: 2)",
             dump: "@A@7:3(x@7:6: 1@7:9, x@7:12: 2@7:15)"),
    ]

    @Test(arguments: cases)
    func parsesValidBlock(_ testCase: Case) {
        let (calls, diagnostics) = DirectiveDump.parse(testCase.content)
        #expect(DirectiveDump.diagnostics(diagnostics) == [])
        #expect(DirectiveDump.calls(calls) == testCase.dump)
    }

    @Test func startPositionOfOneKeepsLocationsOneBased() {
        let (calls, _) = DirectiveDump.parse("@A(x: 1)", line: 1, column: 1)
        #expect(DirectiveDump.calls(calls) == "@A@1:1(x@1:4: 1@1:7)")
    }

    @Test(arguments: [
        (#""a\"b""#, "a\"b"),
        (#""a\\b""#, "a\\b"),
        (#""a\nb""#, "a\nb"),
        (#""a\tb""#, "a\tb"),
        (#""\u{E7}\u{1F642}\u{0}""#, "ç🙂\u{0}"),
        (#""Mesmo orçamento""#, "Mesmo orçamento"),
        (#""""#, ""),
        (#""// not a comment""#, "// not a comment"),
    ])
    func decodesStringLiteral(literal: String, expected: String) {
        let (calls, diagnostics) = DirectiveDump.parse("@A(s: \(literal))")
        #expect(diagnostics.isEmpty)
        guard case .string(let value)? = calls.first?.arguments.first?.value.kind else {
            Issue.record("expected a string value")
            return
        }
        #expect(value.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test func sourceIsTheExactTextOfEachCall() {
        let content = """
        // first
        @Train(id: "a", // the baseline
               epochs: 3) // after the call
        @Samples(of: "a")
        """
        let (calls, diagnostics) = DirectiveDump.parse(content)
        #expect(diagnostics.isEmpty)
        #expect(calls.map(\.source) == [
            "@Train(id: \"a\", // the baseline\n       epochs: 3)",
            "@Samples(of: \"a\")",
        ])
    }

    @Test func memberArgumentsDistinguishBareAndEmptyParentheses() {
        let (calls, _) = DirectiveDump.parse("@A(a: .vae, b: .vae())")
        #expect(calls.first?.arguments.map(\.value.kind) == [
            .member(name: "vae", arguments: nil), .member(name: "vae", arguments: []),
        ])
    }
}

/// Shared helpers for the directive parser tests.
enum DirectiveDump {
    /// Parses `content` as a block whose first character sits at `line`:`column` of `Notes/test.md`.
    static func parse(_ content: String, line: Int = 7, column: Int = 3)
        -> (calls: [DirectiveCall], diagnostics: [Diagnostic]) {
        DirectiveParser.parse(content, file: "Notes/test.md", startLine: line, startColumn: column)
    }

    /// `@Name@line:col(label@line:col: value@line:col, …)`, one call per line.
    static func calls(_ calls: [DirectiveCall]) -> String {
        calls.map { "@\($0.name)@\($0.location)(\(arguments($0.arguments)))" }.joined(separator: "\n")
    }

    static func arguments(_ arguments: [DirectiveArgument]) -> String {
        arguments.map { "\($0.label)@\($0.labelLocation): \(value($0.value))" }.joined(separator: ", ")
    }

    static func value(_ value: DirectiveValue) -> String {
        let text: String
        switch value.kind {
        case .array(let items): text = "[" + items.map(Self.value).joined(separator: ", ") + "]"
        case .member(let name, nil): text = "." + name
        case .member(let name, let arguments?): text = "." + name + "(" + Self.arguments(arguments) + ")"
        default: text = value.canonical
        }
        return text + "@\(value.location)"
    }

    /// `id line:col` for each diagnostic, in order.
    static func diagnostics(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id) \($0.line):\($0.column)" }
    }
}
