import Tensors

/// Dataset averages of the ELBO's terms, in nats per example.
public struct ELBOSummary: Codable, Hashable, Sendable {
    /// `−ELBO = KL − E_q[log p(x|z)]`, single-sample estimate averaged over the set.
    public var nelbo: Double
    public var kl: Double
    /// `−log p(x|z)` (the reconstruction term as a positive cost).
    public var reconstruction: Double
    /// Mean analytic KL of each latent dimension, when the KL is analytic and factorizes
    /// (standard normal prior with `.analytic`); nil otherwise.
    public var perDimensionKL: [Double]?
}

extension VAE {
    /// Single-sample NELBO, KL and reconstruction over `dataset` (already binarized as it
    /// should be evaluated), without gradients. The noise comes from `seed`, so repeated
    /// evaluations of the same weights agree exactly. `checkpoint` runs after every batch (a
    /// time limit: an error it throws stops the evaluation and propagates).
    public func evaluateELBO(on dataset: Dataset, kl estimator: KLEstimator = .analytic, batchSize: Int = 1000,
                             seed: UInt64 = 0) -> ELBOSummary {
        evaluateELBO(on: dataset, kl: estimator, batchSize: batchSize, seed: seed, checkpoint: {})
    }

    /// `evaluateELBO(on:kl:batchSize:seed:)` calling `checkpoint` after every batch.
    public func evaluateELBO(on dataset: Dataset, kl estimator: KLEstimator = .analytic, batchSize: Int = 1000,
                             seed: UInt64 = 0, checkpoint: () throws -> Void) rethrows -> ELBOSummary {
        let rng = RandomGenerator(seed: seed).stream(0xE1B0)
        var rec = 0.0, kl = 0.0
        var perDimension: [Double]? = nil
        try forEachBatch(of: dataset, size: batchSize, checkpoint: checkpoint) { x, condition in
            let estimate = elbo(x, condition: condition, kl: estimator, perDimensionKL: true, rng: rng)
            rec += Trainer.sum(estimate.reconstruction)
            kl += Trainer.sum(estimate.kl)
            if let d = estimate.klPerDimension {
                let column = Self.columnSums(d)
                perDimension = perDimension.map { zip($0, column).map { $0 + $1 } } ?? column
            }
        }
        let n = Double(Swift.max(dataset.count, 1))
        return ELBOSummary(nelbo: (kl - rec) / n, kl: kl / n, reconstruction: -rec / n,
                           perDimensionKL: perDimension?.map { $0 / n })
    }

    /// The mean importance-weighted bound `L_k` over `dataset` (Burda et al., 2016), reported
    /// as a negative log-likelihood estimate `−mean L_k` in nats (≤ the NELBO in expectation).
    /// Batches hold about `rowBudget / k` examples so that `k·n` decoder rows fit in memory.
    /// `checkpoint` runs after every batch (a time limit).
    public func importanceWeightedNLL(on dataset: Dataset, samples k: Int, seed: UInt64 = 0,
                                      rowBudget: Int = 10_000) -> Double {
        importanceWeightedNLL(on: dataset, samples: k, seed: seed, rowBudget: rowBudget, checkpoint: {})
    }

    /// `importanceWeightedNLL(on:samples:seed:rowBudget:)` calling `checkpoint` after every batch.
    public func importanceWeightedNLL(on dataset: Dataset, samples k: Int, seed: UInt64 = 0,
                                      rowBudget: Int = 10_000, checkpoint: () throws -> Void) rethrows -> Double {
        let rng = RandomGenerator(seed: seed).stream(0x1DAE)
        let batchSize = Swift.max(1, rowBudget / k)
        var total = 0.0
        try forEachBatch(of: dataset, size: batchSize, checkpoint: checkpoint) { x, condition in
            total += Trainer.sum(importanceWeightedBound(x, condition: condition, samples: k, rng: rng))
        }
        return -total / Double(Swift.max(dataset.count, 1))
    }

    /// Column sums of a matrix `[n, d]` in Double.
    static func columnSums(_ t: Tensor) -> [Double] {
        let d = t.shape[1]
        var out = [Double](repeating: 0, count: d)
        t.withUnsafeBufferPointer { b in for i in 0..<b.count { out[i % d] += Double(b[i]) } }
        return out
    }
}
