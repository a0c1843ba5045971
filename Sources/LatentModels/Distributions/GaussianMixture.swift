import Foundation
import Tensors
import PortableMath

/// A finite mixture of diagonal Gaussians `p(z) = Σ_k π_k N(z; μ_k, diag(e^{v_k}))`.
///
/// Shapes: `logWeights: [K]` (normalized in `init`, so any logits will do), `means` and
/// `logVariances: [K, d]`. Densities take `z: [n, d]` and return `[n]`.
public struct GaussianMixture {
    /// `log π_k`, normalized.
    public let logWeights: Tensor
    public let means: Tensor
    public let logVariances: Tensor

    /// A mixture from weight logits (softmax-normalized) or, with nil, uniform weights `1/K`.
    public init(weightLogits: Tensor? = nil, means: Tensor, logVariances: Tensor) {
        precondition(means.rank == 2 && means.shape == logVariances.shape,
                     "GaussianMixture: means \(means.shape) and logVariances \(logVariances.shape) must both be [K, d]")
        let k = means.shape[0]
        if let weightLogits {
            precondition(weightLogits.shape == [k], "GaussianMixture: weight logits \(weightLogits.shape) for \(k) components")
            logWeights = weightLogits.logSoftmax(axis: 0)
        } else {
            logWeights = Tensor.full(-Float(PortableMath.log(Double(k))), [k])
        }
        self.means = means
        self.logVariances = logVariances
    }

    public var componentCount: Int { means.shape[0] }
    public var dimension: Int { means.shape[1] }

    /// `log π_k + log N(z_i; μ_k, Σ_k)` → `[n, K]`.
    public func jointLogDensities(_ z: Tensor) -> Tensor {
        let (n, k, d) = (z.shape[0], componentCount, dimension)
        precondition(z.rank == 2 && z.shape[1] == d, "GaussianMixture: expected z [n, \(d)], got \(z.shape)")
        let perComponent = gaussianLogDensity(x: z.reshaped([n, 1, d]), mean: means.reshaped([1, k, d]),
                                              logVariance: logVariances.reshaped([1, k, d]))
        return perComponent + logWeights
    }

    /// `log p(z) = logSumExp_k (log π_k + log N(z; μ_k, Σ_k))` → `[n]`.
    public func logDensity(_ z: Tensor) -> Tensor {
        jointLogDensities(z).logSumExp(axis: 1)
    }

    /// Posterior component probabilities `p(k | z)` → `[n, K]` (rows sum to 1).
    public func responsibilities(_ z: Tensor) -> Tensor {
        jointLogDensities(z).softmax(axis: 1)
    }

    /// `count` draws `[count, d]` and their components (no gradient).
    public func sample(count: Int, rng: RandomGenerator) -> (z: Tensor, components: [Int]) {
        withNoGrad {
            let weights = logWeights.exp().reshaped([1, componentCount])
            let chosen = rng.categorical(probabilities: weights.rows([Int](repeating: 0, count: count)))
            let mu = means.rows(chosen), sd = (logVariances.rows(chosen) * 0.5).exp()
            return (mu + sd * rng.normal(shape: [count, dimension]), chosen)
        }
    }

    /// Draws `count` points from component `k` (for per-component sample grids).
    public func sample(component k: Int, count: Int, rng: RandomGenerator) -> Tensor {
        withNoGrad {
            let idx = [Int](repeating: k, count: count)
            return means.rows(idx) + (logVariances.rows(idx) * 0.5).exp() * rng.normal(shape: [count, dimension])
        }
    }
}
