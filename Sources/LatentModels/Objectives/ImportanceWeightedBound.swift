import Foundation
import Tensors
import PortableMath

extension VAE {
    /// The importance-weighted bound of Burda, Grosse & Salakhutdinov (2016),
    /// `L_k(x) = log (1/k) Σ_{s=1..k} p(x, z_s) / q(z_s | x)`, `z_s ~ q(z | x)` → `[n]`.
    ///
    /// `L_1` is the single-sample ELBO (with Monte-Carlo KL) and `E[L_k] ≤ E[L_{k+1}] ≤ log p(x)`.
    /// Computed for all `k` samples of the batch at once (`k·n` decoder rows), so callers
    /// evaluating large `k` should pass small batches. Differentiable (wrap in `withNoGrad`
    /// for evaluation).
    public func importanceWeightedBound(_ x: Tensor, condition: Tensor? = nil, samples k: Int,
                                        rng: RandomGenerator) -> Tensor {
        precondition(k >= 1, "importanceWeightedBound: needs k ≥ 1, got \(k)")
        let n = x.shape[0]
        let q = encode(x, condition: condition)
        let (z, noise) = q.samples(k, rng: rng)
        let repeated = k == 1 ? Array(0..<n) : (0..<k).flatMap { _ in 0..<n }
        let xs = k == 1 ? x : x.rows(repeated)
        let cs = k == 1 ? condition : condition?.rows(repeated)
        let logWeights = decoder.logLikelihood(xs, given: z, condition: cs) + prior.logDensity(z) - q.logDensity(noise: noise)
        if k == 1 { return logWeights }
        return logWeights.reshaped([k, n]).logSumExp(axis: 0) - Float(PortableMath.log(Double(k)))
    }
}
