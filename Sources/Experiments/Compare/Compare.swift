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
/// mean), `n` (examples).
///
/// When both models were trained with the same `seeds:`, each seed of one is paired with the
/// same seed of the other (`SeedPairedDifference`): `difference` is the mean over seeds,
/// `difference.seed<k>` each seed's, `se.test` the paired standard error of the seed-averaged
/// differences, `se.seeds` the standard error across seeds, `se` = √(se.test² + se.seeds²),
/// `z` = difference / se, `seeds` the count. Models with different seeds are an error. A claim such as `` `?cmp.difference < -2 * cmp.se` `` then states a
/// difference beyond two standard errors.
public struct Compare: Measured {
    public static let directiveName = "Compare"
    public static let version = 2 + LatentModels.semanticVersion * 100

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
        let seedsA = try TrainedModelArtifacts.seeds(first, in: context), seedsB = try TrainedModelArtifacts.seeds(second, in: context)
        guard seedsA == seedsB else {
            let list = { (s: [UInt64]?) in s.map { "seeds [\($0.map(String.init).joined(separator: ", "))]" } ?? "one seed" }
            throw ExperimentFailure(id: "invalid-value",
                                    "'\(first)' was trained with \(list(seedsA)) and '\(second)' with \(list(seedsB)); "
                                        + "a seed-by-seed comparison needs the same seeds",
                                    suggestion: "give both @Train the same 'seeds:' (or the same single 'seed:')")
        }
        guard let seeds = seedsA else {
            let (a, b) = try measurePair(seed: nil, context: context)
            return try measure(PairedDifference(a, b))
        }
        let pairs = try context.concurrentParts(seeds.count) { [self] index, part in
            try measurePair(seed: seeds[index], context: part)
        }
        return try measure(SeedPairedDifference(pairs.map { PairedDifference($0.0, $0.1) }, seeds: seeds.map { Int($0) },
                                           pooled: PairedDifference(average(pairs.map(\.0)), average(pairs.map(\.1)))))
    }

    /// Per-example values of both models (of `seed`'s models when given), on the same test set.
    private func measurePair(seed trainingSeed: UInt64?, context: ExperimentContext) throws -> ([Double], [Double]) {
        var values: [[Double]] = []
        var tests: [Dataset] = []
        for (index, id) in [first, second].enumerated() {
            let part = context.part(index, of: 2)
            try part.checkDeadline(fractionDone: 0)
            context.progress("medindo '\(id)'\(trainingSeed.map { " (semente \($0))" } ?? "") exemplo a exemplo")
            let trained = try TrainedModelArtifacts.model(id, seed: trainingSeed, in: context)
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
        return (values[0], values[1])
    }

    /// The example-by-example mean of several runs' values.
    private func average(_ runs: [[Double]]) -> [Double] {
        guard let count = runs.first?.count else { return [] }
        return (0..<count).map { i in Statistics.mean(runs.map { $0[i] }) }
    }
}
