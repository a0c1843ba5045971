import Testing
@testable import Notebook

/// A tiny directive that reads one argument of every kind the reader offers.
struct FakeTrainDirective: Equatable {
    enum Model: Equatable { case vae, gmvae(components: Int) }
    enum Metric: Equatable { case nelbo, iwae(samples: Int) }

    var id: String
    var epochs: Int
    var beta: Double
    var show: Bool
    var model: Model
    var seeds: [Int]
    var rates: [Double]
    var of: [String]
    var means: [[Double]]
    var metrics: [Metric]
    var caption: String

    static func read(_ reader: inout ArgumentReader) -> FakeTrainDirective? {
        let id = reader.string("id")
        let epochs = reader.int("epochs", default: 10, range: 1...100_000)
        let beta = reader.double("beta", default: 1.0, range: 0...100)
        let show = reader.bool("show", default: true)
        let model = reader.member("model", default: "vae", [
            .init("vae", value: Model.vae),
            .init("gmvae") { nested in
                nested.int("components", default: 10, range: 1...100).map { Model.gmvae(components: $0) }
            },
        ])
        let seeds = reader.ints("seeds", default: [1], range: 0...1_000_000)
        let rates = reader.doubles("rates", default: [0.001])
        let of = reader.strings("of", default: ["baseline"])
        let means = reader.doubleRows("means", default: [[0, 0]])
        let metrics = reader.members("metrics", default: ["nelbo"], [
            .init("nelbo", value: Metric.nelbo),
            .init("iwae") { nested in nested.int("samples", range: 1...10_000).map { Metric.iwae(samples: $0) } },
        ])
        let caption = reader.string("caption", default: "", semantic: false)
        guard let id, let epochs, let beta, let show, let model, let seeds, let rates, let of, let means,
              let metrics, let caption else { return nil }
        return FakeTrainDirective(id: id, epochs: epochs, beta: beta, show: show, model: model, seeds: seeds, rates: rates,
                         of: of, means: means, metrics: metrics, caption: caption)
    }

    /// Parses `source` (one valid call at 7:3) and reads it.
    static func read(_ source: String) -> (value: FakeTrainDirective?, diagnostics: [Diagnostic], canonical: String) {
        let (calls, syntax) = DirectiveDump.parse(source)
        precondition(syntax.isEmpty && calls.count == 1, "test source must be one valid call: \(syntax)")
        var reader = ArgumentReader(call: calls[0], file: "Notes/test.md")
        let value = read(&reader)
        let diagnostics = reader.finish()
        return (value, diagnostics, reader.canonicalForm)
    }
}

@Suite struct ArgumentReaderTests {
    @Test func readsEveryKind() {
        let (value, diagnostics, _) = FakeTrainDirective.read("""
        @Train(id: "a", epochs: 60_000, beta: 2, show: false, model: .gmvae(components: 3),
               seeds: [1, 2], rates: [1, 0.5], of: ["a", "b"], means: [[0, 1.5], [-2, 3]],
               metrics: [.nelbo, .iwae(samples: 100)], caption: "Mesmo orçamento")
        """)
        #expect(diagnostics.isEmpty)
        #expect(value == FakeTrainDirective(id: "a", epochs: 60_000, beta: 2, show: false, model: .gmvae(components: 3),
                                   seeds: [1, 2], rates: [1, 0.5], of: ["a", "b"], means: [[0, 1.5], [-2, 3]],
                                   metrics: [.nelbo, .iwae(samples: 100)], caption: "Mesmo orçamento"))
    }

    @Test func fillsDefaults() {
        let (value, diagnostics, _) = FakeTrainDirective.read(#"@Train(id: "a")"#)
        #expect(diagnostics.isEmpty)
        #expect(value == FakeTrainDirective(id: "a", epochs: 10, beta: 1, show: true, model: .vae, seeds: [1], rates: [0.001],
                                   of: ["baseline"], means: [[0, 0]], metrics: [.nelbo], caption: ""))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        /// `id line:col`.
        var diagnostic: String
        var suggestion: String? = nil
        /// Unknown and repeated arguments are found by `finish()`, after the value was built.
        var valueBuilt = false
        var testDescription: String { name }
    }

    // Columns: `@Train(id: "a", ` puts the next label at column 19.
    static let cases: [Case] = [
        Case(name: "unknown argument with suggestion", source: #"@Train(id: "a", epoch: 5)"#,
             diagnostic: "unknown-argument 7:19", suggestion: "did you mean 'epochs'?", valueBuilt: true),
        Case(name: "unknown argument without a close match", source: #"@Train(id: "a", xyzzy: 5)"#,
             diagnostic: "unknown-argument 7:19", valueBuilt: true),
        Case(name: "missing required argument at the '@'", source: "@Train(epochs: 5)",
             diagnostic: "missing-argument 7:3"),
        Case(name: "wrong type at the value", source: "@Train(id: 5)", diagnostic: "wrong-type 7:14"),
        Case(name: "string where a number is expected", source: #"@Train(id: "a", beta: "x")"#,
             diagnostic: "wrong-type 7:25"),
        Case(name: "unknown enum member with suggestion", source: #"@Train(id: "a", model: .gmvea)"#,
             diagnostic: "unknown-member 7:26", suggestion: "did you mean '.gmvae'?"),
        Case(name: "out-of-range value", source: #"@Train(id: "a", epochs: 0)"#, diagnostic: "invalid-value 7:27"),
        Case(name: "duplicate argument", source: #"@Train(id: "a", id: "b")"#, diagnostic: "duplicate-argument 7:19", valueBuilt: true),
        Case(name: "out-of-range member argument", source: #"@Train(id: "a", model: .gmvae(components: 0))"#,
             diagnostic: "invalid-value 7:45"),
        Case(name: "unknown member argument", source: #"@Train(id: "a", model: .gmvae(component: 3))"#,
             diagnostic: "unknown-argument 7:33", suggestion: "did you mean 'components'?"),
        Case(name: "argument to a member that takes none", source: #"@Train(id: "a", model: .vae(size: 3))"#,
             diagnostic: "unknown-argument 7:31"),
        Case(name: "wrong type inside a member in an array", source: #"@Train(id: "a", metrics: [.nelbo, .iwae(samples: "x")])"#,
             diagnostic: "wrong-type 7:52"),
        Case(name: "missing member argument at the '.'", source: #"@Train(id: "a", metrics: [.iwae])"#,
             diagnostic: "missing-argument 7:29"),
        Case(name: "unknown member in an array", source: #"@Train(id: "a", metrics: [.nelbo, .iwea])"#,
             diagnostic: "unknown-member 7:37", suggestion: "did you mean '.iwae'?"),
        Case(name: "wrong element type", source: #"@Train(id: "a", seeds: [1, "two"])"#, diagnostic: "wrong-type 7:30"),
        Case(name: "out-of-range element", source: #"@Train(id: "a", seeds: [1, -2])"#, diagnostic: "invalid-value 7:30"),
        Case(name: "empty array", source: #"@Train(id: "a", seeds: [])"#, diagnostic: "invalid-value 7:26"),
        Case(name: "ragged rows element", source: #"@Train(id: "a", means: [[1, "x"]])"#, diagnostic: "wrong-type 7:31"),
        Case(name: "member where a string is expected", source: "@Train(id: .a)", diagnostic: "wrong-type 7:14"),
        Case(name: "string where a member is expected", source: #"@Train(id: "a", model: "vae")"#,
             diagnostic: "wrong-type 7:26"),
    ]

    @Test(arguments: cases)
    func reportsArgumentProblem(_ testCase: Case) {
        let (value, diagnostics, _) = FakeTrainDirective.read(testCase.source)
        #expect((value != nil) == testCase.valueBuilt)
        #expect(DirectiveDump.diagnostics(diagnostics) == [testCase.diagnostic])
        if let suggestion = testCase.suggestion {
            #expect(diagnostics.first?.suggestion == suggestion)
        }
    }

    @Test func reportsEveryArgumentProblem() {
        let (_, diagnostics, _) = FakeTrainDirective.read(#"@Train(epoch: 5, beta: "x", model: .gmvea)"#)
        #expect(Set(DirectiveDump.diagnostics(diagnostics)) == [
            "missing-argument 7:3", "wrong-type 7:26", "unknown-member 7:38", "unknown-argument 7:10",
        ])
    }

    // MARK: - Canonical form

    @Test(arguments: [
        (#"@Train(id: "a")"#, #"@Train(id: "a", epochs: 10, beta: 1.0, show: true, model: .vae, seeds: [1], metrics: [.nelbo])"#),
        (#"@Train(id: "a", epochs: 60_000)"#, #"@Train(id: "a", epochs: 60000)"#),
        (#"@Train(id: "a", beta: 1)"#, #"@Train(id: "a", beta: 1.0)"#),
        (#"@Train(id: "a", beta: 0.001)"#, #"@Train(id: "a", beta: 1e-3)"#),
        (#"@Train(epochs: 3, id: "a")"#, #"@Train(id: "a", epochs: 3)"#),
        (#"@Train(id: "a", model: .gmvae)"#, #"@Train(id: "a", model: .gmvae(components: 10))"#),
        (#"@Train(id: "a", model: .gmvae())"#, #"@Train(id: "a", model: .gmvae)"#),
        (#"@Train(id: "a", seeds: [1, 2], caption: "Primeira versão")"#, #"@Train(id: "a", seeds: [1, 2,], caption: "Outra legenda")"#),
        (#"@Train(id: "a", epochs: 3)"#, "@Train(  // the baseline\n  id: \"a\",   // its name\n  epochs:   3\n)  // done"),
        (#"@Train(id: "\u{E7}")"#, #"@Train(id: "ç")"#),
    ])
    func canonicalFormIgnoresSpelling(_ first: String, _ second: String) {
        let a = FakeTrainDirective.read(first), b = FakeTrainDirective.read(second)
        #expect(a.diagnostics.isEmpty && b.diagnostics.isEmpty)
        #expect(a.canonical == b.canonical)
    }

    @Test(arguments: [
        (#"@Train(id: "a", epochs: 3)"#, #"@Train(id: "a", epochs: 4)"#),
        (#"@Train(id: "a", model: .vae)"#, #"@Train(id: "a", model: .gmvae)"#),
        (#"@Train(id: "a", model: .gmvae(components: 3))"#, #"@Train(id: "a", model: .gmvae(components: 4))"#),
        (#"@Train(id: "a", metrics: [.nelbo, .iwae(samples: 5)])"#, #"@Train(id: "a", metrics: [.iwae(samples: 5), .nelbo])"#),
        (#"@Train(id: "a")"#, #"@Train(id: "b")"#),
    ])
    func canonicalFormSeesSemanticChanges(_ first: String, _ second: String) {
        #expect(FakeTrainDirective.read(first).canonical != FakeTrainDirective.read(second).canonical)
    }

    @Test func nonSemanticArgumentsStayOutOfTheCanonicalForm() {
        let (_, _, canonical) = FakeTrainDirective.read(#"@Train(id: "a", caption: "Mesmo orçamento")"#)
        #expect(!canonical.contains("caption"))
        #expect(canonical == #"beta: 1.0, epochs: 10, id: "a", means: [[0.0, 0.0]], metrics: [.nelbo], model: .vae, of: ["baseline"], rates: [0.001], seeds: [1], show: true"#)
    }

    @Test func canonicalValueIsStableAcrossSpelling() {
        let (calls, _) = DirectiveDump.parse(#"@A(x: [60_000, 1e-3, "a\"b", .g(k: -1)])"#)
        #expect(calls.first?.arguments.first?.value.canonical == #"[60000, 0.001, "a\"b", .g(k: -1)]"#)
    }

    // MARK: - Suggestions

    @Test(arguments: [
        ("gmvea", "gmvae", 1), ("epoch", "epochs", 1), ("epochs", "epochs", 0), ("", "abc", 3),
        ("abc", "", 3), ("kitten", "sitting", 3), ("ca", "abc", 3), ("orçamento", "orcamento", 1),
    ])
    func editDistanceCountsTranspositionsOnce(_ a: String, _ b: String, _ distance: Int) {
        #expect(editDistance(a, b) == distance)
    }

    @Test(arguments: [
        ("epoch", ["id", "epochs", "seed"], "epochs"),
        ("gmvea", ["vae", "gmvae", "vamp"], "gmvae"),
        ("Seed", ["id", "seed"], "seed"),
        ("xyzzy", ["id", "epochs"], nil),
    ] as [(String, [String], String?)])
    func closestMatchSuggestsLikelyTypos(_ word: String, _ candidates: [String], _ expected: String?) {
        #expect(closestMatch(to: word, in: candidates) == expected)
    }
}
