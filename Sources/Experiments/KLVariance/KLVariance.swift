import LatentModels
import Notebook

/// `@KLVariance`: how noisy is the Monte-Carlo estimate of KL(q ‖ p) as the number of samples grows?
///
/// ```swift-directive
/// @KLVariance(id: "kl-mistura",
///             posterior: .gaussian(mean: [0.8, -0.5], std: [0.6, 1.3]),
///             prior: .mixture(means: [[-2, 0], [2, 0], [0, 2]], stds: [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]),
///             samples: [1, 10, 100, 1000], repeats: 500, seed: 7,
///             caption: "…", label: "tab-kl")
/// ```
///
/// For each S in `samples`, the estimator KL̂_S = (1/S) Σₛ [log q(zₛ) − log p(zₛ)] is drawn
/// `repeats` times; the result reports its mean, standard deviation and standard error next
/// to the analytic KL (one-component priors) or, for a mixture, a reference estimate from
/// 10⁶ samples, and fits the log–log slope of the standard deviation against S (theory: −½).
///
/// Arguments: `id` (string), `posterior: .gaussian(mean:, std:)` (required), `prior:
/// .standard | .mixture(means:, stds:, weights:)` (default `.standard`; weights default to
/// 1/K), `samples` (ints in 1…10⁶, distinct; default `[1, 10, 100, 1000]`), `repeats` (2…10⁵,
/// default 500; Σ S × repeats ≤ 10⁸ draws and Σ S × repeats × d × (K + 1) ≤ 10¹¹ density
/// terms, computed without overflow), `seed` (default 0), `caption`, `label` (presentation only). `label` goes to
/// the table, or to the standard-deviation figure when it starts with `fig`.
///
/// Random numbers come from a seeded xoshiro256** stream per sample count (see
/// `SeededGenerator`), so each row is reproducible on its own.
///
/// **For a trained model** (`of:` instead of `posterior:`/`prior:`, which it excludes):
///
/// ```swift-directive
/// @KLVariance(of: "gmvae", samples: [1, 10, 100], repeats: 100, points: 200)
/// ```
///
/// the estimator runs on the model's own posteriors q(z | x) of `points` test inputs (200,
/// 2…10000) against its own prior (`repeats` defaults to 100 here; Σ S × repeats × points
/// ≤ 2×10⁸, and when it runs, points × max S × prior components × latent within 2 GiB).
/// The time limit is checked after every repeat. The table reports the mean estimate and the standard deviation of one estimate
/// around its input's mean (root mean square over inputs), next to the mean analytic KL when
/// the prior has one; the log–log figure shows the standard deviation against S with the
/// −½ reference slope. Scalars: `mean.<S>`, `std.<S>`, `slope`, and `analytic` when it exists.
public struct KLVariance: Measured {
    public static let directiveName = "KLVariance"
    public static let version = 3
    /// Draws of the reference estimate when the KL has no closed form.
    static let referenceSamples = 1_000_000

    public let id: String?
    /// The trained model whose posteriors and prior are measured, if `of:` was given; then
    /// `posterior` and `prior` are unused placeholders.
    let trained: TrainedSubject?
    let posterior: DiagonalNormal
    let prior: NormalMixture
    let sampleCounts: [Int]
    let repeats: Int
    let seed: Int
    let caption: String?
    let label: String?

    /// Output names: the id, or `klvariance`.
    var name: String { id ?? "klvariance" }

    /// `of:` and how many test inputs to encode.
    struct TrainedSubject: Hashable, Sendable {
        var id: String
        var points: Int
    }

    public var dependencies: [String] { trained.map { [$0.id] } ?? [] }

    init(id: String?, trained: TrainedSubject? = nil, posterior: DiagonalNormal, prior: NormalMixture, sampleCounts: [Int],
         repeats: Int, seed: Int, caption: String? = nil, label: String? = nil) {
        precondition(prior.dimension == posterior.dimension, "KLVariance: prior and posterior dimensions differ")
        precondition(repeats >= 2 && !sampleCounts.isEmpty && sampleCounts.allSatisfy { $0 >= 1 },
                     "KLVariance needs repeats ≥ 2 and sample counts ≥ 1")
        self.id = id
        self.trained = trained
        self.posterior = posterior
        self.prior = prior
        self.sampleCounts = sampleCounts.sorted()
        self.repeats = repeats
        self.seed = seed
        self.caption = caption
        self.label = label
    }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        if let trained { return try runOnModel(trained, in: context) }
        let measurement = try KLVarianceMeasurement.measure(
            posterior: posterior, prior: prior, sampleCounts: sampleCounts, repeats: repeats, seed: seed,
            referenceSamples: Self.referenceSamples,
            progress: { samples in context.progress("S = \(samples), \(repeats) repetições") },
            checkpoint: { try context.checkDeadline(fractionDone: $0) })
        return try measure(measurement)
    }
}
