import Charts
import LatentModels
import Notebook

/// `@ComparePriors`: trains one model per prior with the same data, architecture, budget
/// and seed, so that only the prior differs.
///
/// ```swift-directive
/// @ComparePriors(priors: [.standard, .mixture(components: 10), .vampprior(pseudoInputs: 10), .flow(couplings: 4)],
///                data: .fashionMNIST(train: 10_000), epochs: 10, seed: 1)
/// ```
///
/// Arguments: `priors` (default the four above; `.standard` | `.mixture(components: 10)` |
/// `.vampprior(pseudoInputs: 50)` | `.flow(couplings: 4)`, no repeats), `data` (as in `@Train`,
/// default `.fashionMNIST()`), `latent` (10), `hidden` (300), `layers` (2), `epochs` (10),
/// `batch` (128), `lr` (0.001), `kl` (`.analytic` default: Monte Carlo with one sample where
/// there is no closed form), `iwae` (0 = none; else the IWAE-k NLL column, k ≤ 5000), `seed`
/// (1) or `seeds` (`[1, 2, 3]`: every prior trained once per seed, in parallel on the build's
/// free `--jobs`), `caption`, `label` (presentation only; the label goes to the table, or to
/// the curves when it starts with `fig`).
///
/// Resource limits as in `@Train`, for each prior's run (with its IWAE evaluation); the
/// operations of all runs together must stay within the 10¹⁵ limit.
///
/// Shows a table (test NELBO, KL, reconstruction, IWAE NLL, parameters), the seconds per epoch
/// of each prior (marked volatile) and the test NELBO curves. Scalars per prior key
/// (`standard`, `mixture<K>`, `vampprior<K>`, `flow<L>`): `<key>.test.nelbo`, `<key>.test.kl`,
/// `<key>.test.reconstruction`, `<key>.iwae`, `<key>.parameters`; and `best` (index in `priors`
/// of the lowest test NELBO). Timings (shown as volatile): `<key>.seconds`, `<key>.secondsPerEpoch`.
///
/// With `seeds:` the table shows each prior's mean across seeds with its standard error (s/√n)
/// beside the test NELBO and the IWAE NLL, the curves the mean with a band of ± one standard
/// error, and every scalar but `<key>.parameters` becomes `<key>.test.nelbo.mean`, `….se` and
/// `….seed<k>`; `best` is the prior with the lowest mean test NELBO, `seeds` the count.
public struct ComparePriors: Measured {
    public static let directiveName = "ComparePriors"
    public static let version = 4 + LatentModels.semanticVersion * 100

    let priors: [TrainingConfiguration.Model]
    /// The first seed's configuration, without a prior; `seeds` lists every seed trained.
    let base: TrainingConfiguration
    let seeds: SeedList
    let iwae: Int
    let presentation: Presentation

    public var inputFingerprint: String { ModelArguments.fingerprint(of: base.data) }

    public init?(reading arguments: inout ArgumentReader) {
        let priors = arguments.members("priors", default: ["standard", "mixture", "vampprior", "flow"], [
            ArgumentReader.MemberCase<TrainingConfiguration.Model>("standard", value: .vae),
            .init("mixture") { r in r.int("components", default: 10, range: 1...500).map { .gmvae(components: $0) } },
            .init("vampprior") { r in r.int("pseudoInputs", default: 50, range: 1...2000).map { .vampprior(pseudoInputs: $0) } },
            .init("flow") { r in r.int("couplings", default: 4, range: 1...32).map { .flow(couplings: $0) } },
        ])
        let data = arguments.member("data", default: "fashionMNIST", ModelArguments.dataCases)
        let latent = arguments.int("latent", default: 10, range: 1...512)
        let hidden = arguments.int("hidden", default: 300, range: 1...4096)
        let layers = arguments.int("layers", default: 2, range: 1...8)
        let epochs = arguments.int("epochs", default: 10, range: 1...1000)
        let batch = arguments.int("batch", default: 128, range: 1...65_536)
        let lr = arguments.double("lr", default: 1e-3, range: 1e-8...1)
        let kl = arguments.member("kl", default: "analytic", ModelArguments.klCases)
        let iwae = arguments.int("iwae", default: 0, range: 0...5000)
        let seeds = arguments.seedList()
        let presentation = Presentation(reading: &arguments)
        guard let priors, let data, let latent, let hidden, let layers, let epochs, let batch, let lr, let kl, let iwae,
              let seeds, !arguments.hasErrors else { return nil }
        guard Set(priors).count == priors.count else {
            arguments.report("invalid-value", "'priors' of @ComparePriors lists the same prior twice", at: arguments.anchor)
            return nil
        }
        if latent < 2, priors.contains(where: { if case .flow = $0 { true } else { false } }) {
            arguments.report("invalid-value", "the flow prior needs 'latent' ≥ 2, found \(latent)", at: arguments.anchor)
            return nil
        }
        let base = TrainingConfiguration(data: data, latent: latent, hidden: hidden, hiddenLayers: layers, epochs: epochs,
                                         batchSize: batch, learningRate: Float(lr), kl: kl, seed: UInt64(seeds.first))
        // Each prior's run must fit, and all of them together must fit the work limit.
        var total = ResourceEstimate()
        for prior in priors {
            var configuration = base
            configuration.model = prior
            let resources = TrainingResources(configuration)
            guard resources.check(iwae: iwae, on: &arguments) else { return nil }
            total.operations += resources.estimate(iwae: iwae).operations
        }
        guard total.check(on: &arguments), seeds.checkWork(of: total, on: &arguments) else { return nil }
        self.priors = priors
        self.base = base
        self.seeds = seeds
        self.iwae = iwae
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    static func key(_ model: TrainingConfiguration.Model) -> String {
        switch model {
        case .vae: "standard"
        case .gmvae(let k): "mixture\(k)"
        case .vampprior(let k): "vampprior\(k)"
        case .flow(let l): "flow\(l)"
        }
    }

    /// One prior's run: the trained model and, with `iwae > 0`, its IWAE NLL.
    struct Run {
        var prior: TrainingConfiguration.Model
        var trained: TrainedModel
        var nll: Double?
    }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        guard seeds.isMultiple else {
            let runs = try priors.enumerated().map { index, prior in
                try run(prior, seed: seeds.first, name: Self.key(prior), context: context.part(index, of: priors.count))
            }
            return try measure(runs.map { [$0] })
        }
        // Every (prior, seed) pair is one part, run on the build's free workers.
        let pairs = priors.flatMap { prior in seeds.seeds.map { (prior, $0) } }
        let runs = try context.concurrentParts(pairs.count) { [self] index, part in
            let (prior, seed) = pairs[index]
            return Handoff(value: try run(prior, seed: seed, name: "\(Self.key(prior)) semente \(seed)", context: part))
        }.map(\.value)
        return try measure(priors.indices.map { p in Array(runs[(p * seeds.seeds.count)..<((p + 1) * seeds.seeds.count)]) })
    }

    private func run(_ prior: TrainingConfiguration.Model, seed: Int, name: String, context part: ExperimentContext) throws -> Run {
        var configuration = base
        configuration.model = prior
        configuration.seed = UInt64(seed)
        // Training takes most of each part; the IWAE evaluation the rest.
        let training = iwae > 0 ? part.weighted(from: 0, to: 0.9) : part
        let trained = try TrainingRun.run(configuration, name: name, context: training)
        var nll: Double?
        if iwae > 0 {
            try part.checkDeadline(fractionDone: 0.9)
            nll = try trained.model.importanceWeightedNLL(on: try TrainedModelArtifacts.testSet(of: trained), samples: iwae,
                                                          seed: UInt64(seed)) { try part.checkDeadline() }
        }
        return Run(prior: prior, trained: trained, nll: nll)
    }
}
