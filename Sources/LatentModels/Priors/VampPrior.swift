import Foundation
import Tensors

/// The VampPrior (Tomczak & Welling, 2018, "VAE with a VampPrior"): the mixture of the
/// variational posteriors of `K` learnable pseudo-inputs,
/// `p(z) = (1/K) Σ_k q(z | u_k)`.
///
/// Pseudo-inputs are stored as logits `r: [K, D]` and used as `u = σ(r)`, so they stay in
/// the data range [0, 1] (the paper clips them with a hard-tanh instead). They start near
/// 0.5 (`r ~ N(0, 0.1²)`), where the paper initializes from `N(0.05, 0.01)` or from
/// training examples. Parameters: `<scope>.pseudoInputLogits`.
/// The encoder is shared with the model, so `log p(z)` backpropagates into it.
public final class VampPrior: Prior {
    public let pseudoInputLogits: Tensor
    let encoder: GaussianEncoder

    public init(pseudoInputs: Int, encoder: GaussianEncoder, rng: RandomGenerator, scope: ParameterScope) {
        precondition(pseudoInputs > 0, "VampPrior: needs at least one pseudo-input")
        precondition(encoder.conditionCount == 0, "VampPrior: a conditional encoder is not supported")
        self.encoder = encoder
        pseudoInputLogits = scope.register("pseudoInputLogits",
                                           rng.normal(shape: [pseudoInputs, encoder.inputCount], standardDeviation: 0.1))
    }

    public var dimension: Int { encoder.latentCount }
    public var componentCount: Int { pseudoInputLogits.shape[0] }

    /// The pseudo-inputs `σ(r)` → `[K, D]`.
    public var pseudoInputs: Tensor { pseudoInputLogits.sigmoid() }

    /// The mixture `(1/K) Σ_k q(z | u_k)` (recomputed from the current parameters).
    public var mixture: GaussianMixture {
        let q = encoder(pseudoInputs)
        return GaussianMixture(means: q.mean, logVariances: q.logVariance)
    }

    public func logDensity(_ z: Tensor) -> Tensor { mixture.logDensity(z) }

    public func sample(count: Int, rng: RandomGenerator) -> Tensor {
        withNoGrad { mixture.sample(count: count, rng: rng).z }
    }
}
