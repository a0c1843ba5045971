import Tensors

/// One stochastic estimate of the evidence lower bound for a batch,
/// `ELBO(x) = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z)) ≤ log p(x)`, kept as its two terms.
public struct ELBOEstimate {
    /// `q(z | x)`.
    public let posterior: DiagonalGaussian
    /// The reparameterized sample `[n, d]` the reconstruction term was computed at.
    public let z: Tensor
    /// `log p(x | z)` → `[n]` (single sample).
    public let reconstruction: Tensor
    /// The KL estimate → `[n]`.
    public let kl: Tensor
    /// Per-dimension KL `[n, d]` when the KL is analytic and factorizes over dimensions.
    public let klPerDimension: Tensor?

    /// `log p(x|z) − KL` → `[n]`.
    public var elbo: Tensor { reconstruction - kl }
}

extension VAE {
    /// Estimates the ELBO of a batch `x: [n, D]` (and its condition) with one reparameterized
    /// sample for the reconstruction and the KL computed by `estimator`.
    ///
    /// Monte-Carlo KL with `S` samples draws `S` latents per example: the first is also the
    /// reconstruction sample, the others only enter `log q − log p` (no extra decoder passes).
    /// `log q(z|x)` is computed from the noise, `−½ Σ (ε² + v + log 2π)`.
    /// With `perDimensionKL` the estimate also carries the analytic per-dimension KL (when
    /// the KL is analytic), which free bits and the per-dimension metric need.
    public func elbo(_ x: Tensor, condition: Tensor? = nil, kl estimator: KLEstimator = .analytic,
                     perDimensionKL: Bool = false, rng: RandomGenerator) -> ELBOEstimate {
        let q = encode(x, condition: condition)
        let n = x.shape[0]
        switch estimator.resolved(for: prior) {
        case .analytic:
            let (z, _) = q.sample(rng: rng)
            let perDimension = perDimensionKL ? prior.analyticKLPerDimension(from: q) : nil
            let kl = prior.analyticKL(from: q)!
            return ELBOEstimate(posterior: q, z: z, reconstruction: decoder.logLikelihood(x, given: z, condition: condition),
                                kl: kl, klPerDimension: perDimension)
        case .monteCarlo(let samples):
            precondition(samples >= 1, "elbo: Monte-Carlo KL needs at least one sample, got \(samples)")
            let (zs, noise) = q.samples(samples, rng: rng)
            let terms = q.logDensity(noise: noise) - prior.logDensity(zs)
            let kl = samples == 1 ? terms : terms.reshaped([samples, n]).mean(axis: 0)
            let z = samples == 1 ? zs : zs.rows(0..<n)
            return ELBOEstimate(posterior: q, z: z, reconstruction: decoder.logLikelihood(x, given: z, condition: condition),
                                kl: kl, klPerDimension: nil)
        }
    }
}
