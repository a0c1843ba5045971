import Foundation
import Tensors

/// A mixture-of-Gaussians prior with `K` learnable components: the GMVAE of the lessons.
///
/// `p(z) = Σ_k π_k N(z; μ_k, diag(e^{v_k}))` with learnable means `μ: [K, d]` and
/// log-variances `v: [K, d]`, and uniform weights `π_k = 1/K` unless `learnedWeights`
/// (then `π = softmax(w)` with learnable logits `w: [K]`). Parameters: `<scope>.means`,
/// `<scope>.logVariances`, `<scope>.weightLogits`.
///
/// Following Dilokthanakul et al. (2016) only in spirit: their GMVAE has a latent
/// categorical and a two-level posterior; here the posterior stays a single diagonal
/// Gaussian and the KL to the mixture is estimated by Monte Carlo (there is no closed form).
/// Means start from `N(0, meanScale²)` so the components are distinct; log-variances at 0.
public final class MixturePrior: Prior {
    public let means: Tensor
    public let logVariances: Tensor
    public let weightLogits: Tensor?

    public init(components: Int, dimension: Int, learnedWeights: Bool = false, meanScale: Float = 1,
                rng: RandomGenerator, scope: ParameterScope) {
        precondition(components > 0 && dimension > 0, "MixturePrior: needs K > 0 and d > 0, got \(components), \(dimension)")
        means = scope.register("means", rng.normal(shape: [components, dimension], standardDeviation: meanScale))
        logVariances = scope.register("logVariances", .zeros([components, dimension]))
        weightLogits = learnedWeights ? scope.register("weightLogits", .zeros([components])) : nil
    }

    public var dimension: Int { means.shape[1] }
    public var componentCount: Int { means.shape[0] }

    /// The mixture as a distribution value (differentiable in the parameters).
    public var mixture: GaussianMixture {
        GaussianMixture(weightLogits: weightLogits, means: means, logVariances: logVariances)
    }

    public func logDensity(_ z: Tensor) -> Tensor { mixture.logDensity(z) }

    public func sample(count: Int, rng: RandomGenerator) -> Tensor { mixture.sample(count: count, rng: rng).z }

    /// `p(k | z)` → `[n, K]`, for clustering.
    public func responsibilities(_ z: Tensor) -> Tensor { mixture.responsibilities(z) }
}
