import Foundation
import Tensors

/// The behaviour of the Monte-Carlo KL estimator with `samples` draws, measured by
/// repeating it on each example (for the lessons' `@KLVariance`).
public struct KLEstimatorStatistics: Codable, Hashable, Sendable {
    /// Draws `S` per estimate.
    public var samples: Int
    /// Mean estimate over examples and repeats (nats).
    public var mean: Double
    /// Standard deviation of a single estimate around its example's mean, root-mean-squared
    /// over examples (falls as `1/√S`).
    public var standardDeviation: Double
}

extension VAE {
    /// Repeats the `S`-sample Monte-Carlo KL `repeats` times per example of `dataset` for each
    /// `S` in `sampleCounts`; also returns the mean analytic KL when the prior has one.
    /// Keep the dataset small (a few hundred examples): the work is `repeats · Σ S` latent draws
    /// per example (the encoder runs once; no decoder). `checkpoint` runs after every repeat
    /// with the fraction of the work done (a time limit: an error it throws propagates).
    public func klEstimatorStatistics(on dataset: Dataset, sampleCounts: [Int], repeats: Int = 100,
                                      seed: UInt64 = 0) -> (analytic: Double?, estimates: [KLEstimatorStatistics]) {
        klEstimatorStatistics(on: dataset, sampleCounts: sampleCounts, repeats: repeats, seed: seed, checkpoint: { _ in })
    }

    /// `klEstimatorStatistics(on:sampleCounts:repeats:seed:)` calling `checkpoint` after every repeat.
    public func klEstimatorStatistics(on dataset: Dataset, sampleCounts: [Int], repeats: Int = 100,
                                      seed: UInt64 = 0, checkpoint: (Double) throws -> Void)
        rethrows -> (analytic: Double?, estimates: [KLEstimatorStatistics]) {
        precondition(repeats >= 2, "klEstimatorStatistics: needs at least two repeats")
        let rng = RandomGenerator(seed: seed).stream(0x4B1)
        let totalDraws = sampleCounts.reduce(0.0) { $0 + Double($1) } * Double(repeats)
        var drawn = 0.0
        return try withNoGrad {
            let x = dataset.tensor()
            let condition = isConditional ? dataset.oneHotLabels(0..<dataset.count) : nil
            let q = encode(x, condition: condition)
            let n = dataset.count
            let analytic = prior.analyticKL(from: q).map { Trainer.sum($0) / Double(n) }
            let estimates = try sampleCounts.map { s -> KLEstimatorStatistics in
                precondition(s >= 1, "klEstimatorStatistics: sample counts must be ≥ 1")
                var sum = [Double](repeating: 0, count: n), sumSquares = [Double](repeating: 0, count: n)
                for _ in 0..<repeats {
                    let (z, noise) = q.samples(s, rng: rng)
                    let terms = q.logDensity(noise: noise) - prior.logDensity(z)
                    let kl = s == 1 ? terms : terms.reshaped([s, n]).mean(axis: 0)
                    kl.withUnsafeBufferPointer { b in
                        for i in 0..<n { let v = Double(b[i]); sum[i] += v; sumSquares[i] += v * v }
                    }
                    drawn += Double(s)
                    try checkpoint(drawn / totalDraws)
                }
                let r = Double(repeats)
                let variance = (0..<n).map { (sumSquares[$0] - sum[$0] * sum[$0] / r) / (r - 1) }.reduce(0, +) / Double(n)
                return KLEstimatorStatistics(samples: s, mean: sum.reduce(0, +) / (r * Double(n)),
                                             standardDeviation: Swift.max(0, variance).squareRoot())
            }
            return (analytic, estimates)
        }
    }
}
