import LatentModels
import Notebook

/// `@Train`: trains one member of the VAE family and keeps it for later directives.
///
/// ```swift-directive
/// @Train(id: "gmvae", model: .gmvae(components: 10), data: .fashionMNIST(train: 20_000),
///        latent: 10, epochs: 10, seed: 1, caption: "…", label: "tab-gmvae")
/// ```
///
/// Arguments (defaults in parentheses):
/// - `id` (required): the name later directives use in `of:`.
/// - `model`: `.vae` (default) | `.gmvae(components: 10)` | `.vampprior(pseudoInputs: 50)` | `.flow(couplings: 4)`.
/// - `data`: `.fashionMNIST(train: 60_000, test: 10_000, binarize: .dynamic | .threshold(value: 0.5))` (default)
///   | `.synthetic(set: .ring(components: 8, radius: 2, spread: 0.2) | .pinwheel(arms: 5) | .moons(noise: 0.1),
///   train: 2000, test: 1000)`.
/// - `latent` (10, 1…512), `hidden` (300, 1…4096), `layers` (2, 1…8), `epochs` (10, 1…1000),
///   `batch` (128, 1…65536), `lr` (0.001, (0, 1]), `beta` (1, ≥ 0), `warmup` (0 epochs), `freeBits` (0 nats),
///   `kl`: `.analytic` (default; Monte Carlo with one sample for priors without a closed form) | `.monteCarlo(samples: 1)`,
///   `conditional` (false; not with the VampPrior), `seed` (1), or `seeds` (`[1, 2, 3]`: 2…16
///   distinct seeds, one model each, trained in parallel on the build's free `--jobs`; not
///   with `seed`).
/// - Resource limits (checked before anything runs, an `invalid-value` error at the directive;
///   see `ResourceLimits` and `TrainingResources`): about 2 GiB of memory (weights × 4 copies
///   for gradients and Adam, activations of batch × hidden × layers, Monte-Carlo KL terms,
///   data), 10¹⁵ operations in all (≈ 6 × parameters × examples × epochs), and 5×10¹⁰ in one
///   step or evaluation batch, so that `timeout:` stops the run within about twice its value.
///   A run whose loss or test NELBO becomes NaN or infinite fails with `diverged`.
/// - Presentation only: `show` (true; false leaves out the learning curves, as design.md's
///   catalogue says: the summary table stays),
///   `caption` (the table's), `label` (the table's, or the curves' when it starts with `fig`).
///
/// Shows a summary table (final test NELBO, KL, reconstruction, parameters), the training time
/// (marked volatile: it depends on the machine) and the learning curves (train and test NELBO
/// per epoch). Scalars: `test.nelbo`, `test.kl`, `test.reconstruction`, `train.nelbo`,
/// `train.kl`, `train.reconstruction`, `epochs`, `parameters`; timings (citable, shown as
/// volatile): `seconds` (total training time), `secondsPerEpoch`. Artifacts: the
/// configuration (JSON), the weights and the history (JSON).
///
/// With `seeds:` the table has a row per seed, then the mean and the standard error across
/// seeds (s/√n, s with n − 1); the curves show the mean per epoch with a band of ± one standard
/// error; every scalar above except `epochs` and `parameters` becomes `name.mean`, `name.se`
/// and `name.seed<k>` (e.g. `test.nelbo.mean`, `test.nelbo.seed2`), and `seeds` counts them.
/// Directives reading the model through `of:` use the first seed's; `@Compare` pairs the
/// seeds of two such models one by one.
public struct Train: Measured {
    public static let directiveName = "Train"
    public static let version = 3 + LatentModels.semanticVersion * 100

    public let id: String?
    /// The first seed's configuration; `seeds` lists every seed trained.
    let configuration: TrainingConfiguration
    let seeds: SeedList
    let show: Bool
    let presentation: Presentation

    init(id: String, configuration: TrainingConfiguration, seeds: SeedList? = nil, show: Bool = true,
         presentation: Presentation = .init(caption: nil, label: nil)) {
        self.id = id
        self.configuration = configuration
        self.seeds = seeds ?? SeedList(seeds: [Int(configuration.seed)])
        self.show = show
        self.presentation = presentation
    }

    var name: String { id ?? "train" }

    public var inputFingerprint: String { ModelArguments.fingerprint(of: configuration.data) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        guard seeds.isMultiple else {
            return try measure([try TrainingRun.run(configuration, name: name, context: context)])
        }
        let configurations = seeds.configurations(configuration)
        let runs = try context.concurrentParts(configurations.count) { [name] index, part in
            Handoff(value: try TrainingRun.run(configurations[index], name: "\(name) semente \(configurations[index].seed)",
                                               context: part))
        }
        return try measure(runs.map(\.value))
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult {
        var result = result
        if !show { result.outputs.removeAll { if case .figure = $0 { true } else { false } } }
        return presentation.apply(to: result)
    }
}
