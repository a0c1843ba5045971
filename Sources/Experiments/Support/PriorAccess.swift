import LatentModels
import Tensors

/// A trained model's prior seen as a finite mixture (GMVAE, or VampPrior over its
/// pseudo-inputs), for per-component samples and responsibilities.
struct PriorMixture {
    let mixture: GaussianMixture

    /// The GMVAE's mixture, or the VampPrior's mixture of pseudo-input posteriors; nil otherwise.
    init?(_ model: VAE) {
        if let prior = model.prior as? MixturePrior {
            mixture = withNoGrad { prior.mixture }
        } else if let prior = model.prior as? VampPrior {
            mixture = withNoGrad { prior.mixture }
        } else {
            return nil
        }
    }

    var componentCount: Int { mixture.componentCount }

    /// `count` draws `[count, d]` from component `k`.
    func sample(component k: Int, count: Int, rng: RandomGenerator) -> Tensor {
        mixture.sample(component: k, count: count, rng: rng)
    }

    /// `p(k | z)` → `[n, K]`.
    func responsibilities(_ z: Tensor) -> Tensor { withNoGrad { mixture.responsibilities(z) } }

    /// The most responsible component of each row of `z`.
    func assignments(_ z: Tensor) -> [Int] {
        TensorConversion.rows(responsibilities(z)).map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
    }
}
