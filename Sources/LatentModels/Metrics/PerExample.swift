import Tensors

extension VAE {
    /// The single-sample NELBO of every example of `dataset`, in nats, in order: the values a
    /// paired comparison of two models subtracts example by example. Noise from `seed`.
    public func perExampleNELBO(on dataset: Dataset, kl estimator: KLEstimator = .analytic, batchSize: Int = 1000,
                                seed: UInt64 = 0, checkpoint: () throws -> Void = {}) rethrows -> [Double] {
        let rng = RandomGenerator(seed: seed).stream(0xE1B0)
        var values: [Double] = []
        values.reserveCapacity(dataset.count)
        try forEachBatch(of: dataset, size: batchSize, checkpoint: checkpoint) { x, condition in
            let estimate = elbo(x, condition: condition, kl: estimator, rng: rng)
            values += zip(estimate.kl.scalars, estimate.reconstruction.scalars).map { Double($0) - Double($1) }
        }
        return values
    }

    /// `−L_k` (the IWAE bound as an NLL estimate) of every example of `dataset`, in order;
    /// batches of about `rowBudget / k` examples.
    public func perExampleImportanceWeightedNLL(on dataset: Dataset, samples k: Int, seed: UInt64 = 0,
                                                rowBudget: Int = 10_000,
                                                checkpoint: () throws -> Void = {}) rethrows -> [Double] {
        let rng = RandomGenerator(seed: seed).stream(0x1DAE)
        var values: [Double] = []
        values.reserveCapacity(dataset.count)
        try forEachBatch(of: dataset, size: Swift.max(1, rowBudget / k), checkpoint: checkpoint) { x, condition in
            values += importanceWeightedBound(x, condition: condition, samples: k, rng: rng).scalars.map { -Double($0) }
        }
        return values
    }

    /// Runs `body` on each batch of `dataset` in order (its rows, and the one-hot labels for a
    /// conditional model), without gradients; `checkpoint` after every batch (a time limit).
    /// The one batching loop of the dataset metrics.
    func forEachBatch(of dataset: Dataset, size batchSize: Int, checkpoint: () throws -> Void,
                      _ body: (Tensor, Tensor?) -> Void) rethrows {
        try withNoGrad {
            for start in stride(from: 0, to: dataset.count, by: batchSize) {
                let indices = start..<Swift.min(start + batchSize, dataset.count)
                body(dataset.batch(indices), isConditional ? dataset.oneHotLabels(indices) : nil)
                try checkpoint()
            }
        }
    }
}
