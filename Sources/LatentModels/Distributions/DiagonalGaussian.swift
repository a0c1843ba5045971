import Foundation
import Tensors
import PortableMath

/// A batch of diagonal Gaussians `N(μ, diag(eᵛ))`, parameterized by mean and log-variance.
///
/// Shapes: `mean` and `logVariance` are `[n, d]` (one distribution per row) or broadcast
/// against each other. Densities, entropies and KLs sum over the last axis and return `[n]`.
public struct DiagonalGaussian {
    public let mean: Tensor
    public let logVariance: Tensor

    public init(mean: Tensor, logVariance: Tensor) {
        self.mean = mean
        self.logVariance = logVariance
    }

    /// Number of dimensions `d`.
    public var dimension: Int { mean.shape[mean.rank - 1] }

    /// `log N(z; μ, diag(eᵛ)) = −½ Σⱼ [log 2π + vⱼ + (zⱼ − μⱼ)² e^{−vⱼ}]` → `[n]`.
    public func logDensity(_ z: Tensor) -> Tensor {
        gaussianLogDensity(x: z, mean: mean, logVariance: logVariance)
    }

    /// A reparameterized sample `z = μ + e^{v/2} ⊙ ε`, `ε ~ N(0, I)` from `rng`; returns the
    /// noise too (the Monte-Carlo KL reuses it: `log q(z) = −½ Σ (ε² + v + log 2π)`).
    public func sample(rng: RandomGenerator) -> (z: Tensor, noise: Tensor) {
        let noise = rng.normal(shape: mean.shape)
        return (reparameterize(mean: mean, logVariance: logVariance, noise: noise), noise)
    }

    /// `samples` reparameterized draws per row, stacked sample-major: `[samples · n, d]`
    /// (rows `s·n ..< (s+1)·n` are draw `s`), with the noise of the same shape.
    public func samples(_ samples: Int, rng: RandomGenerator) -> (z: Tensor, noise: Tensor) {
        if samples == 1 { return sample(rng: rng) }
        let n = mean.shape[0], d = dimension
        let noise = rng.normal(shape: [samples, n, d])
        let z = mean + (logVariance * 0.5).exp() * noise
        return (z.reshaped([samples * n, d]), noise.reshaped([samples * n, d]))
    }

    /// `log q(z)` from the noise that produced `z` by reparameterization:
    /// `−½ Σⱼ (εⱼ² + vⱼ + log 2π)`. Equal to `logDensity(z)` as a function (so gradients agree)
    /// but needs no division. `noise` may stack several draws (`[S·n, d]` against `[n, d]`).
    public func logDensity(noise: Tensor) -> Tensor {
        let log2pi = Float(PortableMath.log(2 * Double.pi))
        let n = mean.shape[0], d = dimension
        if noise.shape == logVariance.shape {
            return ((noise.squared() + logVariance) + log2pi).sum(axis: -1) * -0.5
        }
        let s = noise.count / (n * d)
        let stacked = noise.reshaped([s, n, d]).squared() + logVariance
        return ((stacked + log2pi).sum(axis: -1) * -0.5).reshaped([s * n])
    }

    /// Entropy `½ Σⱼ (1 + log 2π + vⱼ)` → `[n]`.
    public func entropy() -> Tensor {
        let c = Float(1 + PortableMath.log(2 * Double.pi))
        return (logVariance + c).sum(axis: -1) * 0.5
    }

    /// Analytic `KL(self ‖ N(0, I))` → `[n]` (fused kernel).
    public func klToStandardNormal() -> Tensor {
        gaussianKLToStandardNormal(mean: mean, logVariance: logVariance)
    }

    /// Per-dimension analytic KL to `other` → `[n, d]`:
    /// `½ [v_p − v_q + (e^{v_q} + (μ_q − μ_p)²) e^{−v_p} − 1]`.
    public func klPerDimension(to other: DiagonalGaussian) -> Tensor {
        let diff = mean - other.mean
        let ratio = (logVariance - other.logVariance).exp()
        return (ratio + diff.squared() * (-other.logVariance).exp() - (logVariance - other.logVariance) - 1) * 0.5
    }

    /// Analytic `KL(self ‖ other)` → `[n]`.
    public func kl(to other: DiagonalGaussian) -> Tensor { klPerDimension(to: other).sum(axis: -1) }

    /// Per-dimension analytic KL to the standard normal `−½ (1 + v − μ² − eᵛ)` → `[n, d]`.
    public func klPerDimensionToStandardNormal() -> Tensor {
        (mean.squared() + logVariance.exp() - logVariance - 1) * 0.5
    }
}
