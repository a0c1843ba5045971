import Tensors

/// The training loss built from an `ELBOEstimate`: β-weighted KL, linear KL warm-up and
/// free bits.
///
/// `loss = mean_n[−log p(x|z)] + β_t · KL̃`, where
/// - `β_t = β · min(1, t / T)` ramps linearly over the first `warmupEpochs` epochs
///   (Bowman et al., 2016; Sønderby et al., 2016), `t` counting optimizer steps;
/// - with free bits λ > 0 (Kingma et al., 2016) `KL̃ = Σ_j max(λ, mean_n KL_{nj})` when the
///   KL is analytic and per-dimension, else `max(λ·d, mean_n KL_n)` on the total;
///   otherwise `KL̃ = mean_n KL_n`.
///
/// β = 1, no warm-up, no free bits is the plain negative ELBO.
public struct TrainingObjective: Codable, Hashable, Sendable {
    public var beta: Float
    public var warmupEpochs: Int
    public var freeBits: Float
    public var kl: KLEstimator

    public init(beta: Float = 1, warmupEpochs: Int = 0, freeBits: Float = 0, kl: KLEstimator = .analytic) {
        precondition(beta >= 0, "TrainingObjective: β must be ≥ 0, got \(beta)")
        precondition(warmupEpochs >= 0 && freeBits >= 0, "TrainingObjective: warm-up and free bits must be ≥ 0")
        self.beta = beta
        self.warmupEpochs = warmupEpochs
        self.freeBits = freeBits
        self.kl = kl
    }

    /// `β_t` after `step` optimizer steps (0-based) with `stepsPerEpoch` steps per epoch.
    public func klWeight(step: Int, stepsPerEpoch: Int) -> Float {
        guard warmupEpochs > 0 else { return beta }
        let ramp = Float(step + 1) / Float(warmupEpochs * stepsPerEpoch)
        return beta * Swift.min(1, ramp)
    }

    /// The scalar loss to minimize for one batch.
    public func loss(_ estimate: ELBOEstimate, klWeight: Float) -> Tensor {
        let reconstruction = -estimate.reconstruction.mean()
        let kl: Tensor
        if freeBits > 0 {
            if let perDimension = estimate.klPerDimension {
                kl = ((perDimension.mean(axis: 0) - freeBits).relu() + freeBits).sum()
            } else {
                let floor = freeBits * Float(estimate.posterior.dimension)
                kl = (estimate.kl.mean() - floor).relu() + floor
            }
        } else {
            kl = estimate.kl.mean()
        }
        return klWeight == 1 ? reconstruction + kl : reconstruction + kl * klWeight
    }
}
