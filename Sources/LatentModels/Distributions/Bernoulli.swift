import Tensors

/// Independent Bernoulli variables parameterized by logits `l` (`p = σ(l)`).
///
/// Shapes `[n, D]`; log-likelihoods sum over the last axis → `[n]`.
public struct Bernoulli {
    public let logits: Tensor

    public init(logits: Tensor) { self.logits = logits }

    /// `Σⱼ xⱼ lⱼ − softplus(lⱼ)`, stable for any finite logit (fused kernel).
    public func logLikelihood(_ x: Tensor) -> Tensor {
        bernoulliLogLikelihood(logits: logits, targets: x)
    }

    /// The probabilities `σ(l)`, the distribution's mean.
    public var probabilities: Tensor { logits.sigmoid() }

    /// A binary sample (no gradient).
    public func sample(rng: RandomGenerator) -> Tensor {
        rng.bernoulli(probabilities: withNoGrad { probabilities })
    }

    /// Entropy `Σⱼ softplus(lⱼ) − lⱼ σ(lⱼ)` → `[n]`.
    public func entropy() -> Tensor {
        (logits.softplus() - logits * probabilities).sum(axis: -1)
    }
}
