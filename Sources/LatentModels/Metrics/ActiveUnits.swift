import Tensors

/// Active latent units (Burda, Grosse & Salakhutdinov, 2016): dimension `u` is active if
/// `A_u = Cov_x(E_{q(z|x)}[z_u]) > threshold` (0.01 in the paper), i.e. the posterior mean
/// of that dimension actually varies with the input. Collapsed dimensions have `A_u ≈ 0`.
public struct ActiveUnits: Codable, Hashable, Sendable {
    /// `A_u` for each latent dimension.
    public var variances: [Double]
    public var threshold: Double

    /// Number of active dimensions.
    public var count: Int { variances.filter { $0 > threshold }.count }
}

extension VAE {
    /// The activity of each latent dimension over `dataset`; `checkpoint` runs after every batch.
    public func activeUnits(on dataset: Dataset, threshold: Double = 0.01, batchSize: Int = 1000) -> ActiveUnits {
        activeUnits(on: dataset, threshold: threshold, batchSize: batchSize, checkpoint: {})
    }

    /// `activeUnits(on:threshold:batchSize:)` calling `checkpoint` after every batch.
    public func activeUnits(on dataset: Dataset, threshold: Double = 0.01, batchSize: Int = 1000,
                            checkpoint: () throws -> Void) rethrows -> ActiveUnits {
        let d = latentCount
        var sum = [Double](repeating: 0, count: d), sumSquares = [Double](repeating: 0, count: d)
        try withNoGrad {
            for start in stride(from: 0, to: dataset.count, by: batchSize) {
                let indices = start..<Swift.min(start + batchSize, dataset.count)
                let condition = isConditional ? dataset.oneHotLabels(indices) : nil
                encode(dataset.batch(indices), condition: condition).mean.withUnsafeBufferPointer { b in
                    for i in 0..<b.count { let v = Double(b[i]); sum[i % d] += v; sumSquares[i % d] += v * v }
                }
                try checkpoint()
            }
        }
        let n = Double(Swift.max(dataset.count, 1))
        let variances = (0..<d).map { Swift.max(0, sumSquares[$0] / n - (sum[$0] / n) * (sum[$0] / n)) }
        return ActiveUnits(variances: variances, threshold: threshold)
    }
}
