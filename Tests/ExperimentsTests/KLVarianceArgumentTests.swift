import Notebook
import Testing
@testable import Experiments

@Suite struct KLVarianceArgumentTests {
    @Test func lessonExampleReadsWithDefaults() throws {
        let (experiment, diagnostics, canonical) = readKLVariance("""
            @KLVariance(id: "kl-padrao",
                        posterior: .gaussian(mean: [0.8, -0.5], std: [0.6, 1.3]),
                        prior: .standard,
                        samples: [1, 10, 100, 1000], repeats: 500, seed: 7,
                        caption: "Desvio-padrão do estimador de Monte Carlo do KL.")
            """)
        #expect(diagnostics.isEmpty)
        let klv = try #require(experiment)
        #expect(klv.id == "kl-padrao")
        #expect(klv.posterior == lessonPosterior)
        #expect(klv.prior == .standard(dimension: 2))
        #expect(klv.sampleCounts == [1, 10, 100, 1000] && klv.repeats == 500 && klv.seed == 7)
        #expect(klv.caption == "Desvio-padrão do estimador de Monte Carlo do KL.")
        #expect(!canonical.contains("caption"))
        // Writing the defaults out does not change the directive's identity.
        let minimal = readKLVariance(#"@KLVariance(id: "kl-padrao", posterior: .gaussian(mean: [0.8, -0.5], std: [0.6, 1.3]), seed: 7, repeats: 500)"#)
        #expect(minimal.canonical == canonical)
    }

    @Test func mixturePriorWithDefaultUniformWeights() throws {
        let (experiment, diagnostics, _) = readKLVariance("""
            @KLVariance(posterior: .gaussian(mean: [0.8, -0.5], std: [0.6, 1.3]),
                        prior: .mixture(means: [[-2, 0], [2, 0], [0, 2]], stds: [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]))
            """)
        #expect(diagnostics.isEmpty)
        let klv = try #require(experiment)
        #expect(klv.id == nil && klv.name == "klvariance")
        #expect(klv.prior == lessonMixture)
        #expect(klv.sampleCounts == [1, 10, 100, 1000] && klv.repeats == 500 && klv.seed == 0)
    }

    @Test func explicitWeights() throws {
        let (experiment, diagnostics, _) = readKLVariance("""
            @KLVariance(posterior: .gaussian(mean: [0], std: [1]), prior: .mixture(means: [[-1], [1]], stds: [[1], [1]], weights: [0.25, 0.75]))
            """)
        #expect(diagnostics.isEmpty)
        #expect(experiment?.prior.weights == [0.25, 0.75])
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var source: String
        var id: String
        /// Column (line 1) of the token the diagnostic must point at.
        var column: Int
        var testDescription: String { id + " @ " + String(column) }
    }

    static let badCases: [BadCase] = [
        // Posterior: mean and std of different lengths → at the std array.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0.8, -0.5], std: [0.6]))"#, id: "invalid-value", column: 58),
        // Negative standard deviation → at the element.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0.8, -0.5], std: [0.6, -1.3]))"#, id: "invalid-value", column: 64),
        // Zero standard deviation.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0.8], std: [0]))"#, id: "invalid-value", column: 53),
        // Unknown prior member → at the '.'.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), prior: .vamp)"#, id: "unknown-member", column: 63),
        // Prior of another dimension → at the prior's means.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0, 0], std: [1, 1]), prior: .mixture(means: [[0, 0, 0]], stds: [[1, 1, 1]]))"#,
                id: "invalid-value", column: 85),
        // stds shaped unlike means → at stds.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), prior: .mixture(means: [[0], [1]], stds: [[1]]))"#,
                id: "invalid-value", column: 97),
        // Ragged means → at the offending row.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), prior: .mixture(means: [[0], [1, 2]], stds: [[1], [1]]))"#,
                id: "invalid-value", column: 85),
        // Weights that do not sum to 1 → at weights.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), prior: .mixture(means: [[0], [1]], stds: [[1], [1]], weights: [0.5, 0.6]))"#,
                id: "invalid-value", column: 118),
        // Missing posterior → at the '@'.
        BadCase(source: #"@KLVariance(samples: [1, 10])"#, id: "missing-argument", column: 1),
        // A posterior that is not a Gaussian.
        BadCase(source: #"@KLVariance(posterior: .standard)"#, id: "unknown-member", column: 24),
        // Too few repeats for a standard deviation.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), repeats: 1)"#, id: "invalid-value", column: 65),
        // Repeated and non-positive sample counts.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), samples: [10, 10])"#, id: "invalid-value", column: 70),
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), samples: [0])"#, id: "invalid-value", column: 66),
        // A budget that would stall the build → at the '@'.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), samples: [1000000], repeats: 1000)"#,
                id: "invalid-value", column: 1),
        // A typo in a label.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), sample: [1, 10])"#, id: "unknown-argument", column: 56),
        // Wrong type.
        BadCase(source: #"@KLVariance(posterior: .gaussian(mean: [0], std: "1"))"#, id: "wrong-type", column: 50),
    ]

    @Test(arguments: badCases)
    func reportsTheRightDiagnostic(_ bad: BadCase) {
        let (experiment, diagnostics, _) = readKLVariance(bad.source)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id) == [bad.id], "\(diagnostics)")
        #expect(errors.first?.line == 1)
        #expect(errors.first?.column == bad.column, "\(diagnostics)")
        if bad.id != "unknown-argument" { #expect(experiment == nil) }
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let (experiment, diagnostics, _) = readKLVariance(
            #"@KLVariance(posterior: .gaussian(mean: [0, 0], std: [-1, 0]), repeats: 1, prior: .vamp)"#)
        #expect(experiment == nil)
        #expect(diagnostics.map(\.id) == ["invalid-value", "invalid-value", "unknown-member", "invalid-value"])
    }

    @Test func catalogueRegistersKLVariance() {
        #expect(Catalogue.all.contains { $0 == KLVariance.self })
        #expect(Catalogue.registry["KLVariance"] != nil)
    }
}
