import Tensors

extension VAE {
    /// The single-sample NELBO of every example of `dataset`, in nats, in order: the values a
    /// paired comparison of two models subtracts example by example. Noise from `seed`.
    public func perExampleNELBO(on dataset: Dataset, kl estimator: KLEstimator = .analytic, batchSize: Int = 1000,
                                seed: UInt64 = 0, checkpoint: () throws -> Void = {}) rethrows -> [Double] {
        let rng = RandomGenerator(seed: seed).stream(0xE1B0)
        return try perExample(dataset, batchSize: batchSize, checkpoint: checkpoint) { x, condition in
            let estimate = elbo(x, condition: condition, kl: estimator, rng: rng)
            return zip(estimate.kl.scalars, estimate.reconstruction.scalars).map { Double($0) - Double($1) }
        }
    }

    /// `−L_k` (the IWAE bound as an NLL estimate) of every example of `dataset`, in order;
    /// batches of about `rowBudget / k` examples.
    public func perExampleImportanceWeightedNLL(on dataset: Dataset, samples k: Int, seed: UInt64 = 0,
                                                rowBudget: Int = 10_000,
                                                checkpoint: () throws -> Void = {}) rethrows -> [Double] {
        let rng = RandomGenerator(seed: seed).stream(0x1DAE)
        return try perExample(dataset, batchSize: Swift.max(1, rowBudget / k), checkpoint: checkpoint) { x, condition in
            importanceWeightedBound(x, condition: condition, samples: k, rng: rng).scalars.map { -Double($0) }
        }
    }

    /// `values` of each batch of `dataset` (and its one-hot labels for a conditional model),
    /// concatenated, without gradients; `checkpoint` after every batch.
    private func perExample(_ dataset: Dataset, batchSize: Int, checkpoint: () throws -> Void,
                            _ values: (Tensor, Tensor?) -> [Double]) rethrows -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(dataset.count)
        try withNoGrad {
            for start in stride(from: 0, to: dataset.count, by: batchSize) {
                let indices = start..<Swift.min(start + batchSize, dataset.count)
                let condition = isConditional ? dataset.oneHotLabels(indices) : nil
                out += values(dataset.batch(indices), condition)
                try checkpoint()
            }
        }
        return out
    }
}
