import LatentModels
import Notebook

/// `@Compare`: a paired comparison of two trained models on the same test examples.
///
/// ```swift-directive
/// @Compare(id: "cmp", of: ["gmvae", "vae"], metric: .iwae(samples: 100))
/// ```
///
/// Both models are measured on every test example, with the same noise, and the comparison
/// works on the per-example differences `dᵢ = a(xᵢ) − b(xᵢ)`: their mean, and the paired
/// standard error `s_d / √n` (`s_d` the sample standard deviation of the dᵢ, with n − 1).
/// Pairing removes what the examples share (an easy image is easy for both models), so the
/// standard error is much smaller than that of either mean: a 0.3-nat difference can be
/// real with 10 000 examples. It is the standard error of the test-set estimate only: another
/// training seed would move both models by more (see the seed spread in the lessons).
///
/// Arguments: `of` (required, two ids of `@Train` whose models were tested on the same
/// data), `metric` (`.nelbo`, the single-sample NELBO, default; or `.iwae(samples: 100)`,
/// the IWAE bound as an NLL, 1…5000 samples), `seed` (0: the evaluation noise, shared by both
/// models), `caption`, `label` (presentation only).
///
/// Scalars: `difference` (mean of a − b, nats per example; negative: the first is better),
/// `se` (paired standard error), `z` (difference / se), `first` and `second` (each model's
/// mean), `n` (examples). A claim such as `` `?cmp.difference < -2 * cmp.se` `` then states a
/// difference beyond two standard errors.
public struct Compare: Experiment {
    public static let directiveName = "Compare"
    public static let version = 1 + LatentModels.semanticVersion * 100

    enum Metric: Hashable, Sendable {
        case nelbo
        case iwae(samples: Int)
    }

    let first: String
    let second: String
    let metric: Metric
    let seed: Int
    let presentation: Presentation

    public var dependencies: [String] { [first, second] }

    public init?(reading arguments: inout ArgumentReader) {
        let models = arguments.strings("of")
        let metric = arguments.member("metric", default: "nelbo", [
            ArgumentReader.MemberCase<Metric>("nelbo", value: .nelbo),
            .init("iwae") { r in r.int("samples", default: 100, range: 1...5000).map { .iwae(samples: $0) } },
        ])
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let presentation = Presentation(reading: &arguments)
        if let models, models.count != 2 || models[0] == models[1] {
            arguments.report("invalid-value", "'of' must name two different models, got \(models.count == 2 ? "the same one twice" : "\(models.count)")",
                             at: arguments.anchor, suggestion: "write of: [\"a\", \"b\"] with the ids of two @Train blocks")
        }
        guard let models, models.count == 2, models[0] != models[1], let metric, let seed, !arguments.hasErrors else { return nil }
        self.init(first: models[0], second: models[1], metric: metric, seed: seed, presentation: presentation)
    }

    init(first: String, second: String, metric: Metric = .nelbo, seed: Int = 0,
         presentation: Presentation = .init(caption: nil, label: nil)) {
        self.first = first
        self.second = second
        self.metric = metric
        self.seed = seed
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        var values: [[Double]] = []
        var tests: [Dataset] = []
        for (index, id) in [first, second].enumerated() {
            let part = context.part(index, of: 2)
            try part.checkDeadline(fractionDone: 0)
            context.progress("medindo '\(id)' exemplo a exemplo")
            let trained = try TrainedModelArtifacts.model(id, in: context)
            let test = try TrainedModelArtifacts.testSet(of: trained)
            let c = trained.configuration
            let check = { try part.checkDeadline() }
            switch metric {
            case .nelbo:
                values.append(try trained.model.perExampleNELBO(on: test, kl: c.kl, seed: UInt64(seed), checkpoint: check))
            case .iwae(let k):
                try TrainingResources(c).enforce(iwae: k, "@Compare of '\(id)'")
                values.append(try trained.model.perExampleImportanceWeightedNLL(on: test, samples: k, seed: UInt64(seed),
                                                                              checkpoint: check))
            }
            tests.append(test)
        }
        guard tests[0].count == tests[1].count, tests[0].dimension == tests[1].dimension,
              tests[0].features == tests[1].features else {
            throw ExperimentFailure(id: "invalid-value",
                                    "'\(first)' and '\(second)' were tested on different examples (\(tests[0].count) and \(tests[1].count)); "
                                        + "a paired comparison needs the same test set",
                                    suggestion: "train both with the same data: and test seed")
        }
        return report(PairedDifference(values[0], values[1]))
    }
}

/// Mean and paired standard error of the differences `a[i] − b[i]`.
struct PairedDifference: Equatable, Sendable {
    var n: Int
    var firstMean: Double
    var secondMean: Double
    var difference: Double
    /// `s_d / √n`, with `s_d` the sample standard deviation (n − 1) of the differences; NaN for n < 2.
    var standardError: Double
    var z: Double { standardError > 0 ? difference / standardError : (difference == 0 ? 0 : .nan) }

    init(_ a: [Double], _ b: [Double]) {
        precondition(a.count == b.count, "PairedDifference: \(a.count) and \(b.count) values")
        let d = zip(a, b).map { $0 - $1 }
        n = d.count
        firstMean = Statistics.mean(a)
        secondMean = Statistics.mean(b)
        difference = Statistics.mean(d)
        standardError = Statistics.standardDeviation(d) / Double(n).squareRoot()
    }
}

extension Compare {
    var name: String { "comparacao-\(first)-\(second)" }

    var metricName: String {
        switch metric {
        case .nelbo: "NELBO"
        case .iwae(let k): "NLL IWAE (k = \(k))"
        }
    }

    func report(_ p: PairedDifference) -> ExperimentResult {
        let scalars: [String: Double] = [
            "difference": p.difference, "se": p.standardError, "z": p.z,
            "first": p.firstMean, "second": p.secondMean, "n": Double(p.n),
        ]
        let rows = [
            [first, SignificantFormat.format(p.firstMean)],
            [second, SignificantFormat.format(p.secondMean)],
            ["\(first) − \(second)", SignificantFormat.format(p.difference)],
            ["Erro-padrão pareado", SignificantFormat.format(p.standardError)],
            ["z", SignificantFormat.format(p.z)],
        ]
        let caption = "\(metricName) de teste em nats por exemplo, \(p.n) exemplos, os dois modelos com o mesmo ruído. "
            + "A diferença é a média de \(first) − \(second) exemplo a exemplo (negativa: \(first) é melhor); o erro-padrão "
            + "pareado, s_d/√n, mede só a incerteza da amostra de teste, não a de outra semente de treino."
        let table = ResultTable(name: name, caption: caption, header: ["", metricName], rows: rows)
        return ExperimentResult(outputs: [.table(table)], scalars: scalars)
    }
}
