import LatentModels
import Tensors

/// A trained model's prior seen as a finite mixture (GMVAE, or VampPrior over its
/// pseudo-inputs), for per-component samples and responsibilities.
///
/// (Inside this module `GaussianMixture` names `@KLVariance`'s Double-precision mixture, and
/// `LatentModels.GaussianMixture` does not resolve because the module exports an enum of
/// the same name as the module; so the LatentModels mixture is wrapped here by inference.)
struct PriorMixture {
    let componentCount: Int
    private let sampleComponent: (Int, Int, RandomGenerator) -> Tensor
    private let joint: (Tensor) -> Tensor

    /// The GMVAE's mixture, or the VampPrior's mixture of pseudo-input posteriors; nil otherwise.
    init?(_ model: VAE) {
        if let prior = model.prior as? MixturePrior {
            let mixture = withNoGrad { prior.mixture }
            componentCount = mixture.componentCount
            sampleComponent = { mixture.sample(component: $0, count: $1, rng: $2) }
            joint = { z in withNoGrad { mixture.jointLogDensities(z) } }
        } else if let prior = model.prior as? VampPrior {
            let mixture = withNoGrad { prior.mixture }
            componentCount = mixture.componentCount
            sampleComponent = { mixture.sample(component: $0, count: $1, rng: $2) }
            joint = { z in withNoGrad { mixture.jointLogDensities(z) } }
        } else {
            return nil
        }
    }

    /// `count` draws `[count, d]` from component `k`.
    func sample(component k: Int, count: Int, rng: RandomGenerator) -> Tensor { sampleComponent(k, count, rng) }

    /// `p(k | z)` → `[n, K]`.
    func responsibilities(_ z: Tensor) -> Tensor { withNoGrad { joint(z).softmax(axis: 1) } }

    /// The most responsible component of each row of `z`.
    func assignments(_ z: Tensor) -> [Int] {
        let r = TensorConversion.rows(responsibilities(z))
        return r.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
    }
}
